import { Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FormPart, multipartFormStream } from '../support/multipart';
import { errorPaths } from '../support/problems';
import { hashStream, randomStream } from '../support/random-stream';
import { compoundFile, DOCX_TYPE, docx, exe, html, pdf, png, sha256 } from './fixtures';
import { type DocumentsWorld, documentsWorld, drivers } from './support';

const MiB = 1024 * 1024;

interface Document {
  id: string;
  matter_id: string;
  folder_id: string;
  name: string;
  content_type: string;
  size: number;
  sha256: string;
  version: number;
  current_version_id: string;
}

const file = (filename: string, data: Buffer | string, contentType?: string): FormPart => ({
  name: 'file',
  filename,
  data,
  ...(contentType ? { contentType } : {}),
});

describe.each(drivers)('uploads through the API (%s storage)', (driver) => {
  let w: DocumentsWorld;
  const into = (folderId = w.matter.rootFolderId): FormPart => ({ name: 'folder_id', data: folderId });

  /** Nothing of a refused request may remain: no rows, no reservations, no blobs. */
  async function expectNothingLeft(action: () => Promise<unknown>) {
    const [counts, keys] = [await w.counts(), await w.storedKeys()];
    await action();
    expect(await w.counts()).toEqual(counts);
    expect(await w.storedKeys()).toEqual(keys);
  }

  const uploaded = async (parts: FormPart[]): Promise<Document[]> => {
    const response = await w.upload(w.staff, parts);
    expect(response.statusCode, response.body).toBe(201);
    return response.json().data;
  };

  beforeAll(async () => {
    w = await documentsWorld(driver, {
      UPLOAD_MAX_FILE_BYTES: String(4 * MiB),
      UPLOAD_MAX_REQUEST_BYTES: String(6 * MiB),
      UPLOAD_MAX_FILES: '5',
    });
  });
  afterAll(() => w.close());

  it('uploads one file: 201 with Location, stored under a fresh key with its checksum, audited', async () => {
    const bytes = pdf('Complaint', 10_000);
    const keysBefore = await w.storedKeys();
    const response = await w.upload(w.staff, [into(), file('Complaint.pdf', bytes, 'application/pdf')]);
    expect(response.statusCode, response.body).toBe(201);
    const [document] = response.json().data as Document[];
    expect(response.headers.location).toBe(`/api/v1/documents/${document?.id}`);
    expect(document).toEqual({
      id: expect.any(String),
      matter_id: w.matter.id,
      folder_id: w.matter.rootFolderId,
      name: 'Complaint.pdf',
      content_type: 'application/pdf',
      size: bytes.length,
      sha256: sha256(bytes),
      version: 1,
      current_version_id: expect.any(String),
      uploaded_by: { type: 'user', id: w.staff.membership.id, name: 'Sam Staff' },
      created_at: expect.any(String),
      updated_at: expect.any(String),
      deleted_at: null,
    });
    const shown = await w.inject(w.admin, { method: 'GET', url: `/api/v1/documents/${document?.id}` });
    expect(shown.json().data).toEqual(document);

    const [version] = await w.rows<{ blob_key: string; status: string; file_name: string }>(
      sql`select blob_key, status, file_name from document_versions where document_id = ${document?.id ?? ''}`,
    );
    expect(version?.status).toBe('available');
    expect(version?.blob_key).not.toContain('Complaint');
    expect((await w.storedKeys()).filter((key) => !keysBefore.includes(key))).toEqual([version?.blob_key]);
    expect(await hashStream(await w.t.app.blobs.get(version?.blob_key ?? ''))).toEqual({
      size: bytes.length,
      sha256: sha256(bytes),
    });
    expect((await w.counts()).reservations).toBe(0);
    const events = await w.rows<{ action: string; actor_membership_id: string }>(
      sql`select action, actor_membership_id from audit_events where object_id = ${document?.id ?? ''}`,
    );
    expect(events).toEqual([{ action: 'document.uploaded', actor_membership_id: w.staff.membership.id }]);
  });

  it('uploads several files at once, answering their documents in order, each with its verified type', async () => {
    const documents = await uploaded([
      into(),
      file('Exhibit A.png', png, 'image/png'),
      file('Engagement letter.docx', docx(), DOCX_TYPE),
      file('Costs.csv', 'date,amount\n2026-01-05,120.00\n', 'text/csv'),
      file('Notes.md', '# Intake\n\nCalled the client – “urgent”.\n', 'application/octet-stream'),
      file('Old memo.doc', compoundFile(), 'application/msword'),
    ]);
    expect(documents.map((document) => [document.name, document.content_type])).toEqual([
      ['Exhibit A.png', 'image/png'],
      ['Engagement letter.docx', DOCX_TYPE],
      ['Costs.csv', 'text/csv'],
      ['Notes.md', 'text/markdown'],
      ['Old memo.doc', 'application/msword'],
    ]);
    expect(new Set(documents.map((document) => document.id)).size).toBe(5);
  });

  it('takes a matter_id instead of a folder: the matter root', async () => {
    const [document] = await uploaded([{ name: 'matter_id', data: w.matter.id }, file('a.pdf', pdf())]);
    expect(document?.folder_id).toBe(w.matter.rootFolderId);
  });

  it('renames on upload (a `name` field before the file) and sanitises names', async () => {
    const long = `${'x'.repeat(300)}.pdf`;
    const documents = await uploaded([
      into(),
      { name: 'name', data: 'Complaint (filed).pdf' },
      file('scan0001.pdf', pdf()),
      { name: 'name', data: '  ../../etc/pass\u0000wd \u202Efdp.exe.pdf. ' },
      file('b.pdf', pdf()),
      file(long, pdf()),
      file('C:\\Users\\ari\\Desktop\\brief.pdf', pdf()),
    ]);
    expect(documents.map((document) => document.name)).toEqual([
      'Complaint (filed).pdf',
      '.._.._etc_passwd fdp.exe.pdf',
      `${'x'.repeat(251)}.pdf`,
      'brief.pdf',
    ]);
    const [renamed] = await w.rows<{ file_name: string }>(
      sql`select file_name from document_versions where document_id = ${documents[0]?.id ?? ''}`,
    );
    expect(renamed?.file_name).toBe('scan0001.pdf');

    // A new name must fit the content as much as the file's own name.
    const disguised = await w.upload(w.staff, [
      into(),
      { name: 'name', data: 'invoice.exe' },
      file('invoice.pdf', pdf()),
    ]);
    expect(disguised.statusCode).toBe(415);
  });

  it('recreates the folders of a folder upload, matching existing names ignoring case', async () => {
    const before = await w.counts();
    const documents = await uploaded([
      into(),
      { name: 'path', data: 'Pleadings/2026/motion.pdf' },
      file('motion.pdf', pdf()),
      { name: 'path', data: 'pleadings/2026/./brief.pdf' },
      file('brief.pdf', pdf()),
      { name: 'path', data: 'Exhibits/photo.png' },
      file('photo.png', png),
      file('cover.pdf', pdf()),
    ]);
    expect((await w.counts()).folders).toBe(before.folders + 3);
    const folders = await w.rows<{ id: string; name: string; parent_id: string | null }>(
      sql`select id, name, parent_id from folders where matter_id = ${w.matter.id}`,
    );
    const named = (name: string) => folders.find((folder) => folder.name === name);
    expect(named('Pleadings')?.parent_id).toBe(w.matter.rootFolderId);
    expect(named('2026')?.parent_id).toBe(named('Pleadings')?.id);
    expect(named('Exhibits')?.parent_id).toBe(w.matter.rootFolderId);
    expect(documents.map((document) => document.folder_id)).toEqual([
      named('2026')?.id,
      named('2026')?.id,
      named('Exhibits')?.id,
      w.matter.rootFolderId,
    ]);

    // Uploading into the same tree again finds the folders (any case) instead of making new ones.
    const [again] = await uploaded([
      into(),
      { name: 'path', data: 'PLEADINGS/2026/reply.pdf' },
      file('reply.pdf', pdf()),
    ]);
    expect(again?.folder_id).toBe(named('2026')?.id);
    expect((await w.counts()).folders).toBe(before.folders + 3);
    const audited = await w.rows<{ n: number }>(
      sql`select count(*)::int as n from audit_events where action = 'folder.created' and object_id in (${named('Pleadings')?.id ?? ''}, ${named('2026')?.id ?? ''}, ${named('Exhibits')?.id ?? ''})`,
    );
    expect(audited[0]?.n).toBe(3);
  });

  it('makes one folder when concurrent uploads recreate the same one', async () => {
    const responses = await Promise.all(
      ['a', 'b', 'c', 'd'].map((label) =>
        w.upload(w.staff, [
          into(),
          { name: 'path', data: `Shared ${driver}/${label}.pdf` },
          file(`${label}.pdf`, pdf(label)),
        ]),
      ),
    );
    expect(responses.map((response) => response.statusCode)).toEqual([201, 201, 201, 201]);
    const folderIds = new Set(responses.map((response) => response.json().data[0].folder_id));
    expect(folderIds.size).toBe(1);
    const [count] = await w.rows<{ n: number }>(
      sql`select count(*)::int as n from folders where lower(name) = lower(${`Shared ${driver}`})`,
    );
    expect(count?.n).toBe(1);
  });

  it('refuses a path that climbs out (..) with 400, storing nothing', async () => {
    await expectNothingLeft(async () => {
      const response = await w.upload(w.staff, [
        into(),
        file('ok.pdf', pdf()),
        { name: 'path', data: '../escape/x.pdf' },
        file('x.pdf', pdf()),
      ]);
      expect(response.statusCode).toBe(400);
      expect(errorPaths(response)).toBe('/file/1');
    });
  });

  it.each([
    ['an HTML page named .pdf and declared as PDF', file('invoice.pdf', html, 'application/pdf')],
    ['an HTML page named .pdf, declared as nothing', file('invoice.pdf', html, 'application/octet-stream')],
    ['an HTML page named .txt', file('notes.txt', html, 'text/plain')],
    ['an HTML page', file('page.html', html, 'text/html')],
    [
      'an SVG image',
      file('logo.svg', '<svg xmlns="http://www.w3.org/2000/svg"><script>1</script></svg>', 'image/svg+xml'),
    ],
    ['an executable named .pdf', file('statement.pdf', exe(), 'application/pdf')],
    ['an executable', file('setup.exe', exe(), 'application/x-msdownload')],
    ['a shell script named .txt', file('run.txt', '#!/bin/sh\nrm -rf /\n', 'text/plain')],
    ['a PDF named .html', file('report.html', pdf(), 'application/pdf')],
    ['a PDF declared as a PNG', file('scan.pdf', pdf(), 'image/png')],
    ['binary data declared as text', file('data.txt', Buffer.from([0x41, 0x00, 0x42, 0xff]), 'text/plain')],
    ['text without a text name or type', file('notes', 'plain words', 'application/octet-stream')],
    ['a compound file named .msi', file('installer.msi', compoundFile(), 'application/x-msi')],
  ])('refuses %s with 415, storing nothing', async (_label, part) => {
    await expectNothingLeft(async () => {
      const response = await w.upload(w.staff, [into(), part]);
      expect(response.statusCode, response.body).toBe(415);
      expect(response.headers['content-type']).toContain('application/problem+json');
    });
  });

  it('is all or nothing: a refused third file leaves none of the first two', async () => {
    await expectNothingLeft(async () => {
      const response = await w.upload(w.staff, [
        into(),
        { name: 'path', data: 'New folder/one.pdf' },
        file('one.pdf', pdf()),
        file('two.png', png),
        file('three.pdf', html, 'application/pdf'),
      ]);
      expect(response.statusCode).toBe(415);
    });
  });

  it('answers 413 when a file crosses the per-file limit, memory flat, storing nothing', async () => {
    await expectNothingLeft(async () => {
      const big = randomStream(64 * MiB, 256 * 1024);
      const form = multipartFormStream([
        into(),
        { name: 'file', filename: 'huge.pdf', contentType: 'application/pdf', data: pdfStream(big.stream) },
      ]);
      const heapBefore = process.memoryUsage().heapUsed;
      const response = await w.inject(w.staff, {
        method: 'POST',
        url: '/api/v1/documents',
        headers: form.headers,
        payload: form.payload,
      });
      expect(response.statusCode, response.body).toBe(413);
      expect(response.json().detail).toContain(String(4 * MiB));
      expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(48 * MiB);
    });
  });

  it('answers 413 when the files together cross the per-request limit, storing none of them', async () => {
    await expectNothingLeft(async () => {
      const first = randomStream(3 * MiB);
      const second = randomStream(3.5 * MiB);
      const form = multipartFormStream([
        into(),
        { name: 'file', filename: 'one.pdf', data: pdfStream(first.stream) },
        { name: 'file', filename: 'two.pdf', data: pdfStream(second.stream) },
      ]);
      const response = await w.inject(w.staff, {
        method: 'POST',
        url: '/api/v1/documents',
        headers: form.headers,
        payload: form.payload,
      });
      expect(response.statusCode, response.body).toBe(413);
      expect(response.json().detail).toContain(String(6 * MiB));
    });
  });

  it('answers 413 for more files than allowed, and at once for a declared length over the limit', async () => {
    await expectNothingLeft(async () => {
      const many = await w.upload(w.staff, [
        into(),
        ...Array.from({ length: 6 }, (_, i) => file(`f${i}.pdf`, pdf())),
      ]);
      expect(many.statusCode).toBe(413);
      const declared = await w.inject(w.staff, {
        method: 'POST',
        url: '/api/v1/documents',
        headers: {
          'content-type': 'multipart/form-data; boundary=x',
          'content-length': String(64 * MiB),
        },
        payload: '--x--\r\n',
      });
      expect(declared.statusCode).toBe(413);
    });
  });

  it("refuses another firm's folder or matter, or an unknown one, as the target (422), storing nothing", async () => {
    await expectNothingLeft(async () => {
      for (const target of [
        { name: 'folder_id', data: w.otherFirmMatter.rootFolderId },
        { name: 'matter_id', data: w.otherFirmMatter.id },
        { name: 'folder_id', data: '0190a000-0000-7000-8000-0000000000ee' },
      ]) {
        const response = await w.upload(w.staff, [target, file('a.pdf', pdf())]);
        expect(response.statusCode, response.body).toBe(422);
        expect(errorPaths(response)).toBe(`/${target.name}`);
      }
    });
    // The other firm uploads into its own matter fine.
    const own = await w.upload(w.otherAdmin, [
      { name: 'matter_id', data: w.otherFirmMatter.id },
      file('theirs.pdf', pdf()),
    ]);
    expect(own.statusCode).toBe(201);
  });

  it.each([
    ['a file before the target', [file('a.pdf', pdf())]],
    ['a folder_id that is no id', [{ name: 'folder_id', data: 'X' }, file('a.pdf', pdf())]],
    ['an unknown field first', [{ name: 'owner', data: 'me' }, file('a.pdf', pdf())]],
    ['an unknown field after the target', ['TARGET', { name: 'owner', data: 'me' }, file('a.pdf', pdf())]],
    ['a name with no file after it', ['TARGET', file('a.pdf', pdf()), { name: 'name', data: 'b.pdf' }]],
    [
      'two names for one file',
      ['TARGET', { name: 'name', data: 'a' }, { name: 'name', data: 'b' }, file('a.pdf', pdf())],
    ],
    ['no file at all', ['TARGET']],
    ['a file field of another name', ['TARGET', { name: 'document', filename: 'a.pdf', data: pdf() }]],
    ['an empty file (no file chosen)', ['TARGET', file('', Buffer.alloc(0), 'application/octet-stream')]],
    ['an empty file', ['TARGET', file('empty.txt', Buffer.alloc(0), 'text/plain')]],
  ] as [string, (FormPart | 'TARGET')[]][])('answers 400 for %s, storing nothing', async (_label, parts) => {
    await expectNothingLeft(async () => {
      const response = await w.upload(
        w.staff,
        parts.map((part) => (part === 'TARGET' ? into() : part)),
      );
      expect(response.statusCode, response.body).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
    });
  });

  it('answers 415 to a body that is not a multipart form', async () => {
    const response = await w.inject(w.staff, {
      method: 'POST',
      url: '/api/v1/documents',
      payload: { folder_id: w.matter.rootFolderId },
    });
    expect(response.statusCode).toBe(415);
  });

  it('makes one document of a retried upload with the same Idempotency-Key', async () => {
    const parts = [into(), file('Retried.pdf', pdf('Retried'))];
    const headers = { 'idempotency-key': `upload-${driver}-1` };
    const before = await w.counts();
    const first = await w.upload(w.staff, parts, { headers });
    const retry = await w.upload(w.staff, parts, { headers });
    expect(first.statusCode).toBe(201);
    expect(retry.statusCode).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.json()).toEqual(first.json());
    expect((await w.counts()).documents).toBe(before.documents + 1);
    // The key names the request: other files under the same key get the first answer (documented).
    const other = await w.upload(w.staff, [into(), file('Other.pdf', pdf('Other'))], { headers });
    expect(other.json()).toEqual(first.json());
    expect((await w.counts()).documents).toBe(before.documents + 1);
  });
});

/** A PDF whose body is `filler` (its head is what the type check reads). */
function pdfStream(filler: Readable) {
  return Readable.from(
    (async function* () {
      yield Buffer.from('%PDF-1.7\n');
      for await (const chunk of filler) yield chunk as Buffer;
    })(),
  );
}
