/**
 * The one money format of screening (screens, engine sentences, documents, the command line):
 * US dollars, always with cents and thousands separators — `$37,701.60`, `$33,000.00`, `-$12.50`.
 * Foundation portals and award letters show cents, and "$37,701.6" reads as a typo.
 */
const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: 2 })

export function formatMoney(amount: number): string {
  // Round half away from zero on whole cents first, so 0.005 → $0.01 the way a ledger rounds.
  const cents = Math.sign(amount) * Math.round(Math.abs(amount) * 100)
  return usd.format(cents / 100 || 0)
}
