import type { FastifyInstance } from 'fastify';
import { deliveredTo } from './dev-mailbox';

/** The newest invitation mail delivered to `email`, and the link and token it carries. */
export async function invitationTo(app: FastifyInstance, email: string) {
  const mail = (await deliveredTo(app, email)).find((message) =>
    /\/invitations\/[A-Za-z0-9_-]+/.test(message.text),
  );
  if (!mail) throw new Error(`no invitation mail to ${email}`);
  const link = mail.text.match(/https?:\/\/\S+\/invitations\/[A-Za-z0-9_-]+/)?.[0] ?? '';
  const token = link.split('/').at(-1) ?? '';
  return { mail, link, token };
}
