import type pg from 'pg'

/**
 * One PostgreSQL transaction on a pooled connection: commit when `work` resolves, roll back when it
 * throws (a rollback that fails too keeps the first error), and always give the connection back. Every
 * write of the organization server goes through here.
 */
export async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect()
  try {
    await client.query('BEGIN')
    const result = await work(client)
    await client.query('COMMIT')
    return result
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined)
    throw error
  } finally {
    client.release()
  }
}
