import * as assert from 'node:assert/strict';
import { contentSecurityPolicy, createNonce, transcriptHtml } from '../../../src/webviews/webviewPage';

const CSP_SOURCE = 'https://*.vscode-cdn.net';

describe('the transcript panel’s page', () => {
  const html = transcriptHtml({
    cspSource: CSP_SOURCE,
    scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/dist/webview/transcript.js',
    styleUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/dist/webview/transcript.css',
    nonce: 'n0nce+/=',
  });

  it('has a strict content security policy: nothing by default, scripts only by nonce', () => {
    const csp = contentSecurityPolicy(CSP_SOURCE, 'abc');
    assert.match(csp, /^default-src 'none'; /);
    assert.match(csp, /script-src 'nonce-abc'(;|$)/);
    assert.match(csp, new RegExp(`style-src ${CSP_SOURCE.replace(/[.*+]/g, '\\$&')}(;|$)`));
    assert.match(csp, /font-src https:/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|https?:\/\/(?!\*\.vscode-cdn)/);
    assert.ok(html.includes(`content="${contentSecurityPolicy(CSP_SOURCE, 'n0nce+/=')}"`));
  });

  it('loads one script, with the nonce, and no inline script or style', () => {
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    assert.equal(scripts.length, 1);
    assert.match(scripts[0]!, /nonce="n0nce\+\/="/);
    assert.match(scripts[0]!, /src="https:\/\/file\+\.vscode-resource/);
    assert.ok(!/<style|\sstyle=|\son[a-z]+=/i.test(html), 'no inline styles or handlers');
  });

  it('makes a fresh unguessable nonce each time', () => {
    const nonces = new Set(Array.from({ length: 50 }, createNonce));
    assert.equal(nonces.size, 50);
    for (const nonce of nonces) assert.ok(Buffer.from(nonce, 'base64').length >= 16);
  });
});
