/** The desktop shell's own messages (issue 16): the notice after an update migrated the caseload. */
export const shellMessages = {
  update: {
    fromVersion: 'Overturn was updated from version {from} to {to}.',
    fromUnknown: 'Overturn was updated from an earlier version to {to}.',
    details: 'Your caseload was backed up first ({backup}, on the Security page), then its database was brought up to date (database version {fromSchema} to {toSchema}). Nothing else changed.',
    dismiss: 'Got it',
    dismissLabel: 'Dismiss the update notice',
  },
}
