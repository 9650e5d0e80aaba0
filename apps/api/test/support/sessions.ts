import type { FastifyInstance } from 'fastify';
import { DEMO_PASSWORD } from '../../src/seed/demo-firm';

export interface SignedIn {
  token: string;
  /** The refresh cookie as a `name=value` pair, ready for a Cookie header. */
  cookie: string;
  membership: { id: string; firm_id: string; firm_name: string; role: string; portal: string };
  auth: { authorization: string };
}

/** Signs in through the real route; each call opens a new session. */
export async function signIn(
  app: FastifyInstance,
  email: string,
  options: { password?: string; ip?: string } = {},
): Promise<SignedIn> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email, password: options.password ?? DEMO_PASSWORD },
    remoteAddress: options.ip ?? '127.0.0.1',
  });
  if (response.statusCode !== 200)
    throw new Error(`sign-in of ${email} failed: ${response.statusCode} ${response.body}`);
  return sessionFrom(response);
}

/** The session a login, refresh or switch response opened. */
export function sessionFrom(response: {
  json(): unknown;
  cookies: { name: string; value: string }[];
}): SignedIn {
  const { data } = response.json() as { data: { access_token: string; membership: SignedIn['membership'] } };
  const refresh = response.cookies.find((cookie) => cookie.name === 'chambers_refresh');
  if (!refresh) throw new Error('no refresh cookie was set');
  return {
    token: data.access_token,
    cookie: `chambers_refresh=${refresh.value}`,
    membership: data.membership,
    auth: { authorization: `Bearer ${data.access_token}` },
  };
}
