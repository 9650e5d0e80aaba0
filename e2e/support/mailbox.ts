/** One mail the dev mailbox captured (`GET /api/v1/dev/mailbox`). */
interface DevMail {
  to: string[];
  subject: string;
  text: string;
}

const WAIT_MS = 10_000;

/** The newest mail to `to`; mail goes out from a background job, so this waits for it a little. */
async function mailTo(baseUrl: string, to: string): Promise<DevMail> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const response = await fetch(`${baseUrl}/api/v1/dev/mailbox?limit=50`);
    if (!response.ok) throw new Error(`GET /api/v1/dev/mailbox answered ${response.status}`);
    const { data } = (await response.json()) as { data: DevMail[] };
    const mail = data.find((candidate) =>
      candidate.to.some((address) => address.toLowerCase().includes(to.toLowerCase())),
    );
    if (mail) return mail;
    if (Date.now() > deadline) throw new Error(`No mail to ${to} in the dev mailbox`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * The path (and query) of the first link to this server in the newest mail sent to `to`. The
 * mail names the server by its public URL, which may be another host name than the tests use.
 */
export async function linkMailedTo(baseUrl: string, to: string, pathPrefix: RegExp): Promise<string> {
  const mail = await mailTo(baseUrl, to);
  for (const match of mail.text.matchAll(/https?:\/\/[^\s<>")]+/g)) {
    const url = new URL(match[0]);
    if (pathPrefix.test(url.pathname)) return `${url.pathname}${url.search}`;
  }
  throw new Error(`No link matching ${pathPrefix} in "${mail.subject}"`);
}
