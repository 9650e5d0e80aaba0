import { IdParams, One, PageQuery } from '@chambers/contracts/common';
import { Problem } from '@chambers/contracts/problem';
import { ref } from '@chambers/contracts/schema-ref';
import { FirmUser, FirmUserPage, InviteUser, UpdateUser, UserInvitation } from '@chambers/contracts/users';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { principalOf } from '../../plugins/authenticate';
import {
  changeRole,
  deactivateUser,
  getUser,
  getUserInvitation,
  inviteUser,
  listUsers,
  reactivateUser,
  revokeUserInvitation,
} from './service';

const UserQuery = Type.Object(
  {
    ...PageQuery.properties,
    status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('deactivated')])),
  },
  { additionalProperties: false },
);

/** A firm's own users (admin, attorney, staff): firm users read them, admins manage them. */
const userRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const read = { 400: ref(Problem), 401: ref(Problem), 404: ref(Problem) };

  app.get(
    '/api/v1/users',
    {
      config: { permission: 'users:read' },
      schema: {
        operationId: 'listUsers',
        tags: ['Users'],
        summary: "The firm's users, in creation order",
        querystring: UserQuery,
        response: { 200: FirmUserPage, ...read },
      },
    },
    async (request) => listUsers(app, principalOf(request), request.query),
  );

  app.post(
    '/api/v1/users',
    {
      config: { permission: 'users:manage' },
      schema: {
        operationId: 'inviteUser',
        tags: ['Users'],
        summary: 'Invite a firm user by email (the link goes to that mailbox only)',
        body: ref(InviteUser),
        response: {
          201: One(ref(UserInvitation)),
          400: ref(Problem),
          401: ref(Problem),
          404: ref(Problem),
          409: ref(Problem),
        },
      },
    },
    async (request, reply) => {
      const invitation = await inviteUser(app, principalOf(request), request.body, request.ip);
      return reply
        .code(201)
        .header('location', `/api/v1/users/invitations/${invitation.id}`)
        .send({ data: invitation });
    },
  );

  app.get(
    '/api/v1/users/:id',
    {
      config: { permission: 'users:read' },
      schema: {
        operationId: 'getUser',
        tags: ['Users'],
        summary: 'One firm user (by membership id)',
        params: IdParams,
        response: { 200: One(ref(FirmUser)), ...read },
      },
    },
    async (request) => ({ data: await getUser(app, principalOf(request), request.params.id) }),
  );

  app.patch(
    '/api/v1/users/:id',
    {
      config: { permission: 'users:manage' },
      schema: {
        operationId: 'updateUser',
        tags: ['Users'],
        summary: "Change a firm user's role",
        description: 'Demoting the last active admin is refused (422).',
        params: IdParams,
        body: ref(UpdateUser),
        response: {
          200: One(ref(FirmUser)),
          400: ref(Problem),
          401: ref(Problem),
          404: ref(Problem),
          422: ref(Problem),
        },
      },
    },
    async (request) => ({
      data: await changeRole(app, principalOf(request), request.params.id, request.body.role, request.ip),
    }),
  );

  app.post(
    '/api/v1/users/:id/deactivate',
    {
      config: { permission: 'users:manage' },
      schema: {
        operationId: 'deactivateUser',
        tags: ['Users'],
        summary: 'Deactivate a firm user: their sessions and tokens stop working at once',
        description: 'Deactivating the last active admin is refused (422). Deactivating twice is harmless.',
        params: IdParams,
        response: {
          200: One(ref(FirmUser)),
          400: ref(Problem),
          401: ref(Problem),
          404: ref(Problem),
          422: ref(Problem),
        },
      },
    },
    async (request) => ({
      data: await deactivateUser(app, principalOf(request), request.params.id, request.ip),
    }),
  );

  app.post(
    '/api/v1/users/:id/reactivate',
    {
      config: { permission: 'users:manage' },
      schema: {
        operationId: 'reactivateUser',
        tags: ['Users'],
        summary: 'Reactivate a deactivated firm user (they sign in again)',
        params: IdParams,
        response: { 200: One(ref(FirmUser)), 400: ref(Problem), 401: ref(Problem), 404: ref(Problem) },
      },
    },
    async (request) => ({
      data: await reactivateUser(app, principalOf(request), request.params.id, request.ip),
    }),
  );

  app.get(
    '/api/v1/users/invitations/:id',
    {
      config: { permission: 'users:read' },
      schema: {
        operationId: 'getUserInvitation',
        tags: ['Users'],
        summary: 'One invitation of a firm user, and whether it is still pending',
        params: IdParams,
        response: { 200: One(ref(UserInvitation)), ...read },
      },
    },
    async (request) => ({ data: await getUserInvitation(app, principalOf(request), request.params.id) }),
  );

  app.post(
    '/api/v1/users/invitations/:id/revoke',
    {
      config: { permission: 'users:manage' },
      schema: {
        operationId: 'revokeUserInvitation',
        tags: ['Users'],
        summary: 'Revoke a pending invitation: its link stops working',
        params: IdParams,
        response: { 200: One(ref(UserInvitation)), ...read, 409: ref(Problem) },
      },
    },
    async (request) => ({
      data: await revokeUserInvitation(app, principalOf(request), request.params.id, request.ip),
    }),
  );
};

export default userRoutes;
