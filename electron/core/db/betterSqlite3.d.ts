// The package's own typings are not reachable through its "exports" map; its API is better-sqlite3's
// (anchors-ecosystem-security A3), so borrow those types.
declare module 'better-sqlite3-multiple-ciphers' {
  import Database from 'better-sqlite3'
  export = Database
}
