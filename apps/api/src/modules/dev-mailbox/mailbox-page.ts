import type { devMail } from '../../db/schema/dev-mail';
import { escapeHtml } from '../../lib/plain-text';

type Mail = typeof devMail.$inferSelect;

/** Escapes the text, then turns http(s) URLs into links so invitation links can be clicked. */
function linkify(text: string): string {
  return escapeHtml(text).replace(/https?:\/\/[^\s<]+/g, (url) => `<a href="${url}">${url}</a>`);
}

/** A plain, script-free page listing captured mail (text bodies only: HTML bodies are never rendered). */
export function renderMailboxPage(mails: Mail[], nextCursor: string | null): string {
  const items = mails
    .map(
      (mail) => `<article>
  <h2>${escapeHtml(mail.subject)}</h2>
  <p class="meta">To ${escapeHtml(mail.to.join(', '))} · from ${escapeHtml(mail.from)} · <time datetime="${mail.sentAt.toISOString()}">${mail.sentAt.toISOString()}</time></p>
  <pre>${linkify(mail.text)}</pre>
</article>`,
    )
    .join('\n');
  const more = nextCursor ? `<p><a href="?cursor=${encodeURIComponent(nextCursor)}">Older mail</a></p>` : '';
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Dev mailbox · Chambers</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:50rem;margin:2rem auto;padding:0 1rem}article{border-top:1px solid #ccc;padding:1rem 0}pre{white-space:pre-wrap;font:inherit}.meta{color:#555;font-size:.9rem}</style></head>
<body>
<h1>Dev mailbox</h1>
<p>Mail Chambers sent while no SMTP server is configured. Newest first.</p>
${items || '<p>No mail yet.</p>'}
${more}
</body>
</html>`;
}
