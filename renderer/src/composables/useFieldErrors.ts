import { ref } from 'vue'
import type { z } from 'zod'
import { ApiCallError } from '../api/client'

/**
 * Field errors for a form, from the shared zod schema before sending and from the core after
 * (the same schema runs at the boundary), keyed by field path (`patient.lastName`).
 */
export function useFieldErrors() {
  const errors = ref<Record<string, string>>({})

  function fromZod(error: z.ZodError) {
    const next: Record<string, string> = {}
    for (const issue of error.issues) {
      const path = issue.path.join('.')
      if (!next[path]) next[path] = issue.message.startsWith('error.') ? issue.message : 'error.invalid'
    }
    errors.value = next
  }

  function fromApi(error: unknown): boolean {
    if (error instanceof ApiCallError && error.error.fields) {
      errors.value = { ...error.error.fields }
      return true
    }
    return false
  }

  /** The first invalid field's element id, to move focus there. */
  function firstFieldId(prefix: string): string | null {
    const first = Object.keys(errors.value)[0]
    return first === undefined ? null : `${prefix}${first.replace(/\./g, '-')}`
  }

  return { errors, fromZod, fromApi, firstFieldId, clear: () => (errors.value = {}) }
}
