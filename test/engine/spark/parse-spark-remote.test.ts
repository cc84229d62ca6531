import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseSparkRemote, redactToken } from '../../../src/engine/spark/parse-spark-remote.js';
import { UsageError } from '../../../src/errors/usage-error.js';

test('a bare remote gets the default port and no TLS', () => {
  const remote = parseSparkRemote('sc://127.0.0.1');
  assert.equal(remote.target, '127.0.0.1:15002');
  assert.equal(remote.secure, false);
  assert.deepEqual(remote.metadata, {});
});

test('parameters configure the client; unknown ones become gRPC metadata', () => {
  const remote = parseSparkRemote(
    'sc://spark.example.org:443/;token=abc%3D;user_id=ana;user_agent=cl;x-tenant=icu;session_id=00112233-4455-6677-8899-aabbccddeeff',
  );
  assert.equal(remote.target, 'spark.example.org:443');
  assert.equal(remote.token, 'abc=');
  assert.equal(remote.userId, 'ana');
  assert.equal(remote.userAgent, 'cl');
  assert.equal(remote.sessionId, '00112233-4455-6677-8899-aabbccddeeff');
  assert.deepEqual(remote.metadata, { 'x-tenant': 'icu' });
});

test('a token means TLS, except to localhost (Spark local-channel rule); use_ssl=true always means TLS', () => {
  assert.equal(parseSparkRemote('sc://spark.example.org/;token=t').secure, true);
  assert.equal(parseSparkRemote('sc://127.0.0.1:15002/;token=t').secure, true);
  assert.equal(parseSparkRemote('sc://localhost:15002/;token=t').secure, false);
  assert.equal(parseSparkRemote('sc://localhost/;use_ssl=true').secure, true);
  assert.equal(parseSparkRemote('sc://h/;use_ssl=false').secure, false);
});

test('IPv6 hosts are bracketed for gRPC', () => {
  assert.equal(parseSparkRemote('sc://[::1]:15003').target, '[::1]:15003');
});

test('malformed remotes are UsageErrors that name the problem and never show the token', () => {
  const cases: [string, RegExp][] = [
    ['http://h:1', /must start with sc:\/\//],
    ['sc://', /host is missing/],
    ['sc://h:99999', /port 99999 is out of range/],
    ['sc://h:1/path', /unexpected path/],
    ['sc://h/;token', /parameter "token" must be key=value/],
    ['sc://h/;session_id=42', /session_id must be a UUID/],
    ['sc://h:x/;token=secret', /bad host or port/],
  ];
  for (const [remote, message] of cases) {
    assert.throws(
      () => parseSparkRemote(remote),
      (e: unknown) => e instanceof UsageError && message.test(e.message) && !e.message.includes('secret'),
      remote,
    );
  }
});

test('redactToken withholds the token value only', () => {
  assert.equal(redactToken('sc://h:1/;token=s3cret;user_id=u'), 'sc://h:1/;token=…;user_id=u');
});
