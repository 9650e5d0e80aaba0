import type { FastifyInstance } from 'fastify';

export interface DeliveredMail {
  to: string[];
  subject: string;
  text: string;
}

/** Runs the outbox until it is empty, then returns what the dev mailbox received for `address`. */
export async function deliveredTo(app: FastifyInstance, address: string): Promise<DeliveredMail[]> {
  while ((await app.jobWorker.runOnce()) > 0);
  const response = await app.inject({ method: 'GET', url: '/api/v1/dev/mailbox?limit=200' });
  if (response.statusCode !== 200) throw new Error(`dev mailbox answered ${response.statusCode}`);
  const mails: DeliveredMail[] = response.json().data;
  return mails.filter((mail) => mail.to.some((to) => to.toLowerCase() === address.toLowerCase()));
}
