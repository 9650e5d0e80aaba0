import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeDocument } from '../support/factories/documents';
import { errorPaths } from '../support/problems';
import { type ConversationsWorld, conversationsWorld, type Message } from './support';

describe('message attachments', () => {
  let w: ConversationsWorld;
  beforeAll(async () => {
    w = await conversationsWorld('10.82');
  });
  afterAll(() => w.close());

  const download = (as: Parameters<ConversationsWorld['call']>[0], documentId: string) =>
    w.call(as, 'GET', `/api/v1/documents/${documentId}/download`);
  const messagesOf = async (as: Parameters<ConversationsWorld['call']>[0], conversationId: string) => {
    const response = await w.call(as, 'GET', `/api/v1/conversations/${conversationId}/messages`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json().data as Message[];
  };

  it("attaches documents of the conversation's matter, which every participant can then open", async () => {
    const report = await w.upload(w.admin, w.sharedMatter.rootFolderId, 'Expert report.txt', 'the report');
    // Sharing the matter shares none of its documents: co-counsel sees this one only once attached.
    expect((await download(w.coCounsel, report)).statusCode).toBe(404);

    const conversation = await w.start(w.admin, {
      subject: 'Report',
      matter_id: w.sharedMatter.id,
      participants: [w.contact(w.coCounselContactId)],
      body: 'Attached.',
      attachment_ids: [report],
    });
    const [message] = await messagesOf(w.coCounsel, conversation.id);
    expect(message?.attachments).toEqual([
      { document_id: report, name: 'Expert report.txt', content_type: 'text/plain', size: 10 },
    ]);
    const fetched = await download(w.coCounsel, report);
    expect(fetched.statusCode, fetched.body).toBe(200);
    expect(fetched.body).toBe('the report');

    // Removed from the conversation, co-counsel loses the attachment with it.
    const participation = conversation.participants.find((p) => p.person.type === 'contact');
    const removed = await w.call(
      w.admin,
      'DELETE',
      `/api/v1/conversations/${conversation.id}/participants/${participation?.id}`,
    );
    expect(removed.statusCode).toBe(204);
    expect((await download(w.coCounsel, report)).statusCode).toBe(404);
  });

  it('does not let co-counsel open what is attached in conversations it takes no part in', async () => {
    const memo = await w.upload(w.admin, w.sharedMatter.rootFolderId, 'Internal memo.txt', 'internal');
    await w.start(w.admin, {
      subject: 'Internal',
      matter_id: w.sharedMatter.id,
      participants: [w.user(w.attorney)],
      body: 'For us only.',
      attachment_ids: [memo],
    });
    expect((await download(w.attorney, memo)).statusCode).toBe(200);
    expect((await download(w.coCounsel, memo)).statusCode).toBe(404);
    expect((await w.call(w.coCounsel, 'GET', `/api/v1/documents/${memo}`)).statusCode).toBe(404);
  });

  it('refuses documents of another matter, unknown or unseen ones, and any on a conversation without a matter', async () => {
    const conversation = await w.start(w.admin, {
      subject: 'Refusals',
      matter_id: w.sharedMatter.id,
      participants: [w.contact(w.coCounselContactId)],
      body: 'Hi',
    });
    const elsewhere = await w.upload(w.admin, w.unsharedMatter.rootFolderId, 'Elsewhere.txt', 'other matter');
    const unknown = '0190a000-0000-7000-8000-0000000000ab';
    const url = `/api/v1/conversations/${conversation.id}/messages`;

    const wrongMatter = await w.call(w.admin, 'POST', url, {
      body: 'x',
      attachment_ids: [elsewhere, unknown],
    });
    expect(wrongMatter.statusCode).toBe(422);
    expect(wrongMatter.json().errors).toEqual([
      { path: '/attachment_ids/0', message: "This document is not filed to the conversation's matter." },
      { path: '/attachment_ids/1', message: 'No such document.' },
    ]);
    // Co-counsel cannot attach what it cannot open, even a document of the right matter.
    const unseen = await w.upload(w.admin, w.sharedMatter.rootFolderId, 'Unseen.txt', 'unseen');
    const byCoCounsel = await w.call(w.coCounsel, 'POST', url, { body: 'x', attachment_ids: [unseen] });
    expect(byCoCounsel.statusCode).toBe(422);
    expect(errorPaths(byCoCounsel)).toBe('/attachment_ids/0');
    const twice = await w.call(w.admin, 'POST', url, { body: 'x', attachment_ids: [unseen, unseen] });
    expect(twice.statusCode).toBe(400);

    const noMatter = await w.start(w.admin, { subject: 'No matter', body: 'Hi' });
    const refused = await w.call(w.admin, 'POST', `/api/v1/conversations/${noMatter.id}/messages`, {
      body: 'x',
      attachment_ids: [unseen],
    });
    expect(refused.statusCode).toBe(422);
    expect(errorPaths(refused)).toBe('/attachment_ids');
    expect(await messagesOf(w.admin, conversation.id)).toHaveLength(1);
  });

  it('lets co-counsel attach its own upload to the matter, for the firm to open', async () => {
    const conversation = await w.start(w.coCounsel, {
      subject: 'My draft',
      matter_id: w.sharedMatter.id,
      body: 'Here is my draft.',
    });
    const { document } = await makeDocument(w.db, {
      firmId: w.firmId,
      matterId: w.sharedMatter.id,
      folderId: w.sharedMatter.rootFolderId,
      uploadedBy: w.coCounsel.membership.id,
      name: 'Draft.pdf',
    });
    const message = await w.post(w.coCounsel, conversation.id, {
      body: 'Attached.',
      attachment_ids: [document.id],
    });
    expect(message.attachments.map((a) => a.document_id)).toEqual([document.id]);
    expect(message.author).toEqual({ type: 'contact', id: w.coCounselContactId, name: 'Cora Counsel' });
    const seen = await messagesOf(w.attorney, conversation.id);
    expect(seen.at(-1)?.attachments.map((a) => a.name)).toEqual(['Draft.pdf']);
  });

  it('leaves a deleted document out of the messages it was attached to', async () => {
    const notice = await w.upload(w.admin, w.sharedMatter.rootFolderId, 'Notice.txt', 'notice');
    const conversation = await w.start(w.admin, {
      subject: 'Notice',
      matter_id: w.sharedMatter.id,
      participants: [w.contact(w.coCounselContactId)],
      body: 'See notice.',
      attachment_ids: [notice],
    });
    const deleted = await w.call(w.admin, 'DELETE', `/api/v1/documents/${notice}`);
    expect(deleted.statusCode, deleted.body).toBe(204);
    for (const as of [w.admin, w.coCounsel]) {
      expect((await messagesOf(as, conversation.id))[0]?.attachments).toEqual([]);
    }
  });
});
