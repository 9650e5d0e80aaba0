import { createHash } from 'node:crypto';
import type { Conversation, Message } from '@chambers/contracts/conversations';
import { escapeHtml } from '../../lib/plain-text';

const STYLE =
  'body{font:12pt/1.5 Georgia,serif;max-width:44rem;margin:2rem auto;padding:0 1rem;color:#000}' +
  'header{border-bottom:2px solid #000;margin-bottom:1rem}h1{font-size:1.5rem;margin:0 0 .25rem}' +
  'dl{display:grid;grid-template-columns:max-content 1fr;gap:.1rem 1rem;margin:.5rem 0 1rem}dt{font-weight:bold}dd{margin:0}' +
  'article{border-top:1px solid #999;padding:.75rem 0;break-inside:avoid}' +
  'h2{font-size:1rem;margin:0}.when{font-weight:normal;color:#333}' +
  '.body{white-space:pre-wrap;overflow-wrap:anywhere;margin:.5rem 0}ul{margin:.25rem 0;padding-left:1.25rem}';

/**
 * The page is the conversation's own record, shown on this API's origin: nothing may run or load
 * on it. Its one stylesheet is allowed by hash, so not even an injected `<style>` would apply.
 */
export const PRINT_POLICY = [
  "default-src 'none'",
  `style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`,
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** `2026-11-21 09:12 UTC`: unambiguous on paper, whatever the reader's time zone. */
const printedTime = (iso: string) => `${iso.slice(0, 16).replace('T', ' ')} UTC`;

const attachmentList = (message: Message) =>
  message.attachments.length === 0
    ? ''
    : `\n  <p>Attachments:</p>\n  <ul>${message.attachments.map((file) => `<li>${escapeHtml(file.name)}</li>`).join('')}</ul>`;

/** A printable, script-free page of a conversation. Every value from users is escaped. */
export function renderConversationPrint(details: {
  conversation: Conversation;
  matterNumber: string | null;
  messages: readonly Message[];
}): string {
  const { conversation, matterNumber, messages } = details;
  const participants = conversation.participants
    .map((participant) => escapeHtml(participant.person.name))
    .join(', ');
  const items = messages
    .map(
      (message) => `<article>
  <h2>${escapeHtml(message.author.name)} <span class="when">· <time datetime="${message.created_at}">${printedTime(message.created_at)}</time></span></h2>
  <p class="body">${escapeHtml(message.body)}</p>${attachmentList(message)}
</article>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="referrer" content="no-referrer"><title>${escapeHtml(conversation.subject)} · Chambers</title>
<style>${STYLE}</style></head>
<body>
<header>
<h1>${escapeHtml(conversation.subject)}</h1>
<dl>
${matterNumber ? `<dt>Matter</dt><dd>${escapeHtml(matterNumber)}</dd>\n` : ''}<dt>Participants</dt><dd>${participants}</dd>
<dt>Messages</dt><dd>${messages.length}</dd>
</dl>
</header>
${items}
</body>
</html>
`;
}
