import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'

/**
 * Starts one of the core's worker threads (issue 15: backups and the integrity check run beside the
 * core's thread, each on its own database connection, so no request waits behind them).
 *
 * Built, each worker is its own entry beside the main bundle (`out/main/<name>.js`, see
 * electron.vite.config.ts). From sources (tests, the benchmark, the CLI) it is the `.ts` file next to
 * the caller, run through tsx, which is only a development dependency.
 */
export function startWorker(callerUrl: string, name: string, workerData: unknown): Worker {
  const here = dirname(fileURLToPath(callerUrl))
  // Beside the caller, or in the workers' own feature folders (a bundled caller, as in the crash harness, lives elsewhere).
  const source = [here, join(here, '..', 'backup'), join(here, '..', 'db')].map((dir) => join(dir, `${name}.ts`)).find((file) => existsSync(file))
  if (source) {
    const tsx = pathToFileURL(createRequire(callerUrl).resolve('tsx/esm/api')).href
    const bootstrap = `import { register } from ${JSON.stringify(tsx)}; register(); await import(${JSON.stringify(pathToFileURL(source).href)});`
    return new Worker(new URL(`data:text/javascript,${encodeURIComponent(bootstrap)}`), { workerData })
  }
  for (const candidate of [join(here, `${name}.js`), join(here, '..', `${name}.js`), join(here, '..', '..', `${name}.js`)]) {
    if (existsSync(candidate)) return new Worker(candidate, { workerData })
  }
  throw new Error(`worker ${name} not found beside ${here}`)
}

/** Runs a worker to its one answer: resolves with its message, rejects on an error or an early exit. */
export function runWorker<T>(callerUrl: string, name: string, workerData: unknown): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const worker = startWorker(callerUrl, name, workerData)
    let answered = false
    worker.once('message', (message: T) => {
      answered = true
      resolve(message)
      void worker.terminate()
    })
    worker.once('error', (error) => {
      answered = true
      reject(error)
    })
    worker.once('exit', (code) => {
      if (!answered) reject(new Error(`worker ${name} exited with code ${code}`))
    })
  })
}
