import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openDatabase } from '../../../electron/core/db/openDatabase'
import { makeTempDir } from '../core/testCore'
import { newUnlockedSession } from './hardeningHelpers'

/**
 * Issue 13 items 1 and 7: the pragmas that keep plaintext off the disk (`temp_store = MEMORY`, 2) and
 * commits durable (`synchronous = FULL`, 2) hold at run time: on a new file, on a reopened WAL file
 * (where `synchronous` drifts back to NORMAL: anchors-ecosystem-security F10), read-only, and on the
 * live database of an unlocked session.
 */
const cleanups: (() => void)[] = []
afterEach(() => cleanups.splice(0).forEach((f) => f()))

const pragmasOf = (db: ReturnType<typeof openDatabase>) => ({ temp_store: db.pragma('temp_store', { simple: true }), synchronous: db.pragma('synchronous', { simple: true }) })

describe('pragmas on every open', () => {
  it('temp_store is MEMORY and synchronous is FULL on new, reopened and read-only opens', () => {
    const temp = makeTempDir('overturn-pragmas-')
    cleanups.push(temp.cleanup)
    const key = randomBytes(32)
    const file = join(temp.dir, 'x.db')
    const first = openDatabase(file, key)
    first.exec('CREATE TABLE t (x)')
    expect(pragmasOf(first)).toEqual({ temp_store: 2, synchronous: 2 })
    first.close()
    const again = openDatabase(file, key)
    expect(pragmasOf(again)).toEqual({ temp_store: 2, synchronous: 2 })
    again.close()
    const readonly = openDatabase(file, key, { readonly: true })
    expect(readonly.pragma('temp_store', { simple: true })).toBe(2)
    readonly.close()
  })

  it('the unlocked session runs with them', () => {
    const { session, cleanup } = newUnlockedSession()
    cleanups.push(cleanup)
    const db = session.core!.db
    expect(pragmasOf(db)).toEqual({ temp_store: 2, synchronous: 2 })
  })
})
