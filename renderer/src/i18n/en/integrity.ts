/** The background integrity check's notice (issue 15). */
export const integrityMessages = {
  integrityNotice: {
    failed: 'The caseload failed its integrity check: some of its data may be damaged. Restore the most recent backup that opens.',
    restoreLink: 'Go to backups',
  },
}
