/** The one way a user's file is written: atomic, in its own shape, never over a newer save. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { decodeText, encodeText, withLineEnding, writeFileAtomic } from '../../server/src/node/atomicWrite';

const isRoot = process.getuid?.() === 0;

describe('writeFileAtomic', () => {
  let dir: string;
  const file = (name: string, text = 'old\n') => {
    const full = path.join(dir, name);
    fs.writeFileSync(full, text);
    return full;
  };

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulletproof-write-'));
  });

  afterEach(() => {
    fs.chmodSync(dir, 0o755);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('replaces the content and keeps the mode; no temporary file is left', () => {
    const target = file('resume.yaml');
    fs.chmodSync(target, 0o604);
    assert.deepEqual(writeFileAtomic(target, Buffer.from('new\n')), { ok: true, path: fs.realpathSync(target) });
    assert.equal(fs.readFileSync(target, 'utf8'), 'new\n');
    assert.equal(fs.statSync(target).mode & 0o777, 0o604);
    assert.deepEqual(fs.readdirSync(dir), ['resume.yaml']);
  });

  it('is a new file, not the old one rewritten in place (a reader holding the old one sees it whole)', () => {
    const target = file('resume.yaml');
    const before = fs.statSync(target).ino;
    writeFileAtomic(target, Buffer.from('new\n'));
    assert.notEqual(fs.statSync(target).ino, before);
  });

  it('writes through a symbolic link, which stays a link', () => {
    const target = file('target.yaml');
    const link = path.join(dir, 'resume.yaml');
    fs.symlinkSync('target.yaml', link);
    const result = writeFileAtomic(link, Buffer.from('new\n'));
    assert.deepEqual(result, { ok: true, path: fs.realpathSync(target) });
    assert.ok(fs.lstatSync(link).isSymbolicLink());
    assert.equal(fs.readFileSync(target, 'utf8'), 'new\n');
  });

  it('with `expected`: writes when the file still holds it, refuses when it changed', () => {
    const target = file('resume.yaml', 'one\n');
    assert.equal(writeFileAtomic(target, Buffer.from('two\n'), { expected: Buffer.from('one\n') }).ok, true);
    fs.appendFileSync(target, 'typed meanwhile\n');
    const refused = writeFileAtomic(target, Buffer.from('three\n'), { expected: Buffer.from('two\n') });
    assert.deepEqual(refused, { ok: false, reason: 'it changed since it was read; run again to fix the new version', code: 'ECHANGED' });
    assert.equal(fs.readFileSync(target, 'utf8'), 'two\ntyped meanwhile\n');
    assert.deepEqual(fs.readdirSync(dir), ['resume.yaml']);
  });

  it('a read-only file is an error, not a throw, and is left alone', () => {
    const target = file('resume.yaml');
    fs.chmodSync(target, 0o444);
    assert.deepEqual(writeFileAtomic(target, Buffer.from('new\n')), { ok: false, reason: 'the file is read-only', code: 'EACCES' });
    assert.equal(fs.readFileSync(target, 'utf8'), 'old\n');
  });

  it('a read-only folder is an error, not a throw', function () {
    // Root writes anywhere: the CLI test runs this case as an unprivileged user.
    if (isRoot) this.skip();
    const target = file('resume.yaml');
    fs.chmodSync(dir, 0o555);
    assert.deepEqual(writeFileAtomic(target, Buffer.from('new\n')), { ok: false, reason: 'the folder is read-only', code: 'EACCES' });
    assert.equal(fs.readFileSync(target, 'utf8'), 'old\n');
  });

  it('a missing file, a folder, a device: errors', () => {
    assert.deepEqual(writeFileAtomic(path.join(dir, 'none.yaml'), Buffer.from('x')), {
      ok: false,
      reason: 'it does not exist',
      code: 'ENOENT',
    });
    assert.deepEqual(writeFileAtomic(dir, Buffer.from('x')), { ok: false, reason: 'it is not a regular file', code: 'ENOTREG' });
    assert.deepEqual(writeFileAtomic('/dev/null', Buffer.from('x')), { ok: false, reason: 'it is not a regular file', code: 'ENOTREG' });
  });
});

describe('decodeText and encodeText', () => {
  it('a BOM is dropped from the text and put back on writing', () => {
    const bytes = Buffer.from('\uFEFFbasics: {}\n', 'utf8');
    const decoded = decodeText(bytes);
    assert.deepEqual(decoded, { text: 'basics: {}\n', shape: { bom: true, eol: '\n' } });
    assert.deepEqual(encodeText(decoded.text, decoded.shape), bytes);
    assert.deepEqual(encodeText('a\n', { bom: false, eol: '\n' }), Buffer.from('a\n'));
  });

  it('the line ending is the one most lines have', () => {
    assert.equal(decodeText(Buffer.from('a\r\nb\r\nc\n'))!.shape.eol, '\r\n');
    assert.equal(decodeText(Buffer.from('a\r\nb\nc\n'))!.shape.eol, '\n');
    assert.equal(decodeText(Buffer.from('no line break'))!.shape.eol, '\n');
  });

  it('NUL bytes or bytes that are not UTF-8: not text', () => {
    assert.equal(decodeText(Buffer.from([0x61, 0x00, 0x62])), undefined);
    assert.equal(decodeText(Buffer.from('Ren\xe9\n', 'latin1')), undefined);
  });

  it('withLineEnding: every line break of inserted text in the file’s style', () => {
    assert.equal(withLineEnding('a\nb\r\nc\n', '\r\n'), 'a\r\nb\r\nc\r\n');
    assert.equal(withLineEnding('a\nb\r\n', '\n'), 'a\nb\r\n');
  });
});
