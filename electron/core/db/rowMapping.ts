/** Small helpers shared by repositories: SQL rows are snake_case, DTOs camelCase (STYLE.md). */

export const toBool = (value: number | null | undefined): boolean => value === 1

export function parseJsonArray<T>(text: string | null): T[] {
  if (!text) return []
  const value: unknown = JSON.parse(text)
  return Array.isArray(value) ? (value as T[]) : []
}

/** Escapes LIKE wildcards so typed text matches literally. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
}

export const centsToDollars = (cents: number | null): number | null => (cents === null ? null : cents / 100)
export const dollarsToCents = (dollars: number | null): number | null => (dollars === null ? null : Math.round(dollars * 100))
