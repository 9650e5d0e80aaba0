import type { ApiClient, DataEnvelope } from '@chambers/api-client/client';
import type { Session } from '@chambers/contracts/auth';
import type { EmailChangeConfirmation } from '@chambers/contracts/email-change';
import type { AcceptInvitation, InvitationPreview } from '@chambers/contracts/invitations';
import { mutationOptions, queryOptions, useMutation, useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { EmailChangePage } from './email-change-page';
import { InvitationPage, useInvitationAcceptance } from './invitation-page';

/** `GET /api/v1/invitations/{token}` (public): who invited whom to what. A used or expired link answers 404. */
export async function getInvitation(api: ApiClient, token: string, signal?: AbortSignal) {
  const envelope = await api.request<DataEnvelope<InvitationPreview>>(
    'GET',
    `/api/v1/invitations/${encodeURIComponent(token)}`,
    { signal, authenticated: false },
  );
  return envelope.data;
}

export const invitationQueryOptions = (api: ApiClient, token: string) =>
  queryOptions({
    queryKey: ['invitations', token],
    queryFn: ({ signal }) => getInvitation(api, token, signal),
    staleTime: 60_000,
  });

/**
 * `POST /api/v1/invitations/{token}` (public): `name` and a new `password` create the login, or
 * only the current `password` links an existing one. Answers like a sign-in.
 */
export async function acceptInvitation(
  api: ApiClient,
  token: string,
  body: AcceptInvitation,
): Promise<Session> {
  const envelope = await api.request<DataEnvelope<Session>>(
    'POST',
    `/api/v1/invitations/${encodeURIComponent(token)}`,
    { body, authenticated: false },
  );
  return envelope.data;
}

export const acceptInvitationMutationOptions = (api: ApiClient, token: string) =>
  mutationOptions({
    mutationKey: ['invitations', token, 'accept'],
    mutationFn: (body: AcceptInvitation) => acceptInvitation(api, token, body),
  });

/** `POST /api/v1/email_change/confirm` (public): 204, or 404 for a used or expired link, 409 if the address was taken. */
export function confirmEmailChange(api: ApiClient, token: string): Promise<void> {
  const body: EmailChangeConfirmation = { token };
  return api.request<void>('POST', '/api/v1/email_change/confirm', { body, authenticated: false });
}

export const confirmEmailChangeMutationOptions = (api: ApiClient) =>
  mutationOptions({
    mutationKey: ['email-change', 'confirm'],
    mutationFn: (token: string) => confirmEmailChange(api, token),
  });

export interface PublicLinkRouteProps {
  /** The app's one API client. */
  api: ApiClient;
  product: string;
  paths: { home: string; signIn: string };
}

/** The page an invitation mail links to (`…/invitations/:token`), the same in both SPAs. */
export function InvitationRoute({ api, product, paths }: PublicLinkRouteProps) {
  const token = useParams().token ?? '';
  const invitation = useQuery(invitationQueryOptions(api, token));
  const accept = useInvitationAcceptance(acceptInvitationMutationOptions(api, token), paths.home);
  return (
    <InvitationPage product={product} invitation={invitation} accept={accept} signInPath={paths.signIn} />
  );
}

/** The page a login-email confirmation mail links to (`…/email-change/:token`). */
export function EmailChangeRoute({ api, product, paths }: PublicLinkRouteProps) {
  const token = useParams().token ?? '';
  const confirm = useMutation(confirmEmailChangeMutationOptions(api));
  return <EmailChangePage product={product} token={token} confirm={confirm} signInPath={paths.signIn} />;
}
