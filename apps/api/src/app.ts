import { randomUUID } from 'node:crypto';
import { activitySchemas } from '@chambers/contracts/activities';
import { ApiToken, CreateApiToken, CreatedApiToken } from '@chambers/contracts/api-tokens';
import { AuditEvent } from '@chambers/contracts/audit';
import {
  LoginRequest,
  MembershipRole,
  MembershipSummary,
  Session,
  SwitchRequest,
} from '@chambers/contracts/auth';
import { billSchemas } from '@chambers/contracts/bills';
import { calendarSchemas } from '@chambers/contracts/calendar';
import { DurationSeconds, Id, Money, PageMeta, PlainDate, Timestamp } from '@chambers/contracts/common';
import { communicationSchemas } from '@chambers/contracts/communications';
import { contactSchemas } from '@chambers/contracts/contacts';
import { conversationSchemas } from '@chambers/contracts/conversations';
import { DevMail } from '@chambers/contracts/dev-mailbox';
import { documentSchemas } from '@chambers/contracts/documents';
import { EmailChangeConfirmation, EmailChangeRequest } from '@chambers/contracts/email-change';
import { firmSchemas } from '@chambers/contracts/firm';
import { folderSchemas } from '@chambers/contracts/folders';
import { homeSchemas } from '@chambers/contracts/home';
import { AcceptInvitation, InvitationPreview } from '@chambers/contracts/invitations';
import { matterSchemas } from '@chambers/contracts/matters';
import { ChangePassword, Me, UpdateMe } from '@chambers/contracts/me';
import { noteSchemas } from '@chambers/contracts/notes';
import { PasswordResetConfirmation, PasswordResetRequest } from '@chambers/contracts/password-reset';
import { Person, PersonRef, PersonType } from '@chambers/contracts/people';
import { portalSchemas } from '@chambers/contracts/portals';
import { shareSchemas } from '@chambers/contracts/shares';
import { Health, Readiness } from '@chambers/contracts/system';
import { taskSchemas } from '@chambers/contracts/tasks';
import {
  FirmRole,
  FirmUser,
  InviteUser,
  MembershipStatus,
  UpdateUser,
  UserInvitation,
} from '@chambers/contracts/users';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance } from 'fastify';
import activityRoutes from './modules/activities/routes';
import apiTokenRoutes from './modules/api-tokens/routes';
import auditRoutes from './modules/audit/routes';
import authRoutes from './modules/auth/routes';
import avatarRoutes from './modules/avatars/routes';
import billRoutes from './modules/bills/routes';
import calendarRoutes from './modules/calendar/routes';
import communicationRoutes from './modules/communications/routes';
import contactRoutes from './modules/contacts/routes';
import conversationRoutes from './modules/conversations/routes';
import devMailboxRoutes from './modules/dev-mailbox/routes';
import documentDownloadRoutes from './modules/documents/download-routes';
import documentRoutes from './modules/documents/routes';
import emailChangeRoutes from './modules/email-change/routes';
import firmRoutes from './modules/firm/routes';
import folderRoutes from './modules/folders/routes';
import homeRoutes from './modules/home/routes';
import invitationRoutes from './modules/invitations/routes';
import matterRoutes from './modules/matters/routes';
import meRoutes from './modules/me/routes';
import noteRoutes from './modules/notes/routes';
import passwordResetRoutes from './modules/password-reset/routes';
import portalMessageRoutes from './modules/portals/message-routes';
import portalRoutes from './modules/portals/routes';
import portalSharedResourceRoutes from './modules/portals/shared-resource-routes';
import shareRoutes from './modules/shares/routes';
import systemRoutes from './modules/system/routes';
import taskRoutes from './modules/tasks/routes';
import userRoutes from './modules/users/routes';
import auth from './plugins/auth';
import authenticate from './plugins/authenticate';
import conditionalRequests from './plugins/conditional-requests';
import errorHandler from './plugins/error-handler';
import externalAudit from './plugins/external-audit';
import idempotency from './plugins/idempotency';
import jobs from './plugins/jobs';
import lifecycle from './plugins/lifecycle';
import openapi from './plugins/openapi';
import routeRegistry from './plugins/route-registry';
import security from './plugins/security';
import services, { type Services } from './plugins/services';
import spa from './plugins/spa';
import sweeper from './plugins/sweeper';

/** Largest JSON body any route accepts; uploads stream through multipart with their own limits. */
const BODY_LIMIT_BYTES = 1024 * 1024;

/**
 * Builds the Fastify app around already-open services (database, blob store, mailer), without
 * listening. The server entry and the tests both use it.
 *
 * Plugins load in a fixed order:
 *  1. infrastructure that everything else relies on — the route registry first so it sees every
 *     route, then services, lifecycle, the error handler;
 *  2. cross-cutting HTTP concerns — security headers, CORS, rate limit, OpenAPI (which must be
 *     registered before the routes it documents);
 *  3. the routes of each module, then the SPAs, whose not-found fallback must come last.
 */
export async function buildApp(deps: Services): Promise<FastifyInstance> {
  const { config } = deps;
  const app = Fastify({
    logger: {
      level: config.logLevel,
      redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
      // Readable lines for a person at a terminal; JSON for log collectors everywhere else.
      ...(config.env === 'development' && process.stdout.isTTY
        ? { transport: { target: 'pino-pretty', options: { ignore: 'pid,hostname' } } }
        : {}),
    },
    genReqId: () => randomUUID(),
    trustProxy: config.trustProxy,
    bodyLimit: BODY_LIMIT_BYTES,
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    // Unknown fields are rejected (400), never silently written: no mass assignment.
    ajv: {
      customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true },
      // ajv-formats' uuid also takes `urn:uuid:…`, which PostgreSQL refuses: plain UUIDs only.
      onCreate: (ajv) =>
        ajv.addFormat('uuid', /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i),
    },
    routerOptions: { maxParamLength: 200 },
  }).withTypeProvider<TypeBoxTypeProvider>();

  await app.register(routeRegistry);
  await app.register(services, deps);
  await app.register(lifecycle);
  await app.register(errorHandler);
  await app.register(jobs);
  await app.register(sweeper);

  // Rate limiting runs before authentication, so floods of bad tokens are limited too.
  await app.register(security);
  await app.register(auth);
  await app.register(authenticate);
  await app.register(externalAudit);
  await app.register(conditionalRequests);
  await app.register(idempotency);
  await app.register(openapi, {
    schemas: [
      Id,
      Timestamp,
      PageMeta,
      Health,
      Readiness,
      DevMail,
      MembershipRole,
      MembershipSummary,
      LoginRequest,
      Session,
      SwitchRequest,
      Me,
      UpdateMe,
      ChangePassword,
      AuditEvent,
      ApiToken,
      CreatedApiToken,
      CreateApiToken,
      EmailChangeRequest,
      EmailChangeConfirmation,
      PasswordResetRequest,
      PasswordResetConfirmation,
      InvitationPreview,
      AcceptInvitation,
      FirmRole,
      MembershipStatus,
      FirmUser,
      InviteUser,
      UpdateUser,
      UserInvitation,
      PlainDate,
      Money,
      DurationSeconds,
      PersonType,
      PersonRef,
      Person,
      ...contactSchemas,
      ...matterSchemas,
      ...noteSchemas,
      ...communicationSchemas,
      ...calendarSchemas,
      ...taskSchemas,
      ...activitySchemas,
      ...billSchemas,
      ...folderSchemas,
      ...documentSchemas,
      ...shareSchemas,
      ...conversationSchemas,
      ...portalSchemas,
      ...homeSchemas,
      ...firmSchemas,
    ],
  });

  await app.register(systemRoutes);
  await app.register(authRoutes);
  await app.register(meRoutes);
  await app.register(emailChangeRoutes);
  await app.register(passwordResetRoutes);
  await app.register(avatarRoutes);
  await app.register(apiTokenRoutes);
  await app.register(auditRoutes);
  await app.register(invitationRoutes);
  await app.register(userRoutes);
  await app.register(contactRoutes);
  await app.register(matterRoutes);
  await app.register(noteRoutes);
  await app.register(communicationRoutes);
  await app.register(calendarRoutes);
  await app.register(taskRoutes);
  await app.register(activityRoutes);
  await app.register(billRoutes);
  await app.register(folderRoutes);
  await app.register(documentRoutes);
  await app.register(documentDownloadRoutes);
  await app.register(firmRoutes);
  await app.register(shareRoutes);
  await app.register(conversationRoutes);
  await app.register(portalRoutes);
  await app.register(portalMessageRoutes);
  await app.register(portalSharedResourceRoutes);
  await app.register(homeRoutes);
  if (config.mail.transport === 'mailbox') await app.register(devMailboxRoutes);

  await app.register(spa);
  return app;
}
