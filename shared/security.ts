/**
 * The renderer's Content-Security-Policy, the same in Electron and in browser mode: only our own
 * scripts, no eval, no remote anything. `connect-src 'self'` lets browser mode reach its loopback bridge.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ')
