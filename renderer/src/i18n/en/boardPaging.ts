/** The paged, keyboard-navigable board (issue 15 and issue 12 item 7). */
export const boardPagingMessages = {
  boardNav: {
    keyboardHelp: 'Arrow keys move between cards and columns; Enter opens the case; M moves it to another column.',
    loadingMore: 'Loading more cases…',
    loadedAll: 'All {count} shown',
    closedBound: 'The newest {shown} are shown; search finds the rest.',
    collapse: 'Collapse the column {name}',
    expand: 'Expand the column {name}',
    collapsedCount: '{count} cases',
  },
}
