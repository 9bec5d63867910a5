// The child process of crash.test.ts: plain Node (no TypeScript loader, so 25 restarts stay cheap).
// It opens the database exactly as electron/core/db/openDatabase.ts does — SQLCipher-compatible
// encryption with the raw key, then WAL, foreign keys, synchronous=FULL, busy timeout — reports the
// pragmas it ended up with (the test compares them with the app's own openDatabase), then commits
// multi-row transactions as fast as it can, printing `ack <id>` only after each commit returned.
// Usage: node crashWriter.mjs <database file> <key hex>
import process from 'node:process'
import Database from 'better-sqlite3-multiple-ciphers'

const [file, keyHex] = process.argv.slice(2)
const db = new Database(file)
db.pragma(`cipher='sqlcipher'`)
db.pragma('legacy=4')
db.pragma(`key="x'${keyHex}'"`)
db.prepare('SELECT COUNT(*) FROM sqlite_master').get()
db.pragma('journal_mode = WAL')
db.pragma('foreign_keys = ON')
db.pragma('synchronous = FULL')
db.pragma('busy_timeout = 5000')

db.exec(`
  CREATE TABLE IF NOT EXISTS crash_parent (id INTEGER PRIMARY KEY, child_count INTEGER NOT NULL, note TEXT NOT NULL);
  CREATE TABLE IF NOT EXISTS crash_child (id INTEGER PRIMARY KEY, parent_id INTEGER NOT NULL REFERENCES crash_parent(id) ON DELETE CASCADE, payload TEXT NOT NULL);
  CREATE INDEX IF NOT EXISTS crash_child_parent ON crash_child(parent_id);
  CREATE TABLE IF NOT EXISTS crash_totals (id INTEGER PRIMARY KEY CHECK (id = 1), parents INTEGER NOT NULL, children INTEGER NOT NULL);
  INSERT OR IGNORE INTO crash_totals (id, parents, children) VALUES (1, 0, 0);
`)
const insertParent = db.prepare('INSERT INTO crash_parent (child_count, note) VALUES (?, ?)')
const insertChild = db.prepare('INSERT INTO crash_child (parent_id, payload) VALUES (?, ?)')
const bumpTotals = db.prepare('UPDATE crash_totals SET parents = parents + 1, children = children + ? WHERE id = 1')
const touchOlder = db.prepare('UPDATE crash_child SET payload = payload || ? WHERE id = (SELECT id FROM crash_child ORDER BY random() LIMIT 1)')

const commit = db.transaction((children) => {
  const parentId = Number(insertParent.run(children, 'x'.repeat(200)).lastInsertRowid)
  for (let i = 0; i < children; i++) insertChild.run(parentId, `payload ${parentId}/${i} ${'y'.repeat(100 + ((i * 37) % 400))}`)
  bumpTotals.run(children)
  touchOlder.run('.')
  return parentId
})

const pragmas = {
  journal_mode: db.pragma('journal_mode', { simple: true }),
  synchronous: db.pragma('synchronous', { simple: true }),
  foreign_keys: db.pragma('foreign_keys', { simple: true }),
  busy_timeout: db.pragma('busy_timeout', { simple: true }),
  cipher: db.pragma('cipher', { simple: true }),
}
process.stdout.write(`ready ${JSON.stringify(pragmas)}\n`)
for (;;) {
  const id = commit(1 + Math.floor(Math.random() * 20))
  // Synchronous on a pipe (Linux): the line is out before the next transaction starts.
  process.stdout.write(`ack ${id}\n`)
}
