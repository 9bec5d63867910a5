/** Exhibit preview inside the app (issue 16): PDFs and images shown in the page, Word handed off. */
export const previewMessages = {
  preview: {
    title: 'Exhibit {number}: {label}',
    close: 'Close preview',
    contentLabel: 'Contents of exhibit {number}',
    download: 'Download a copy',
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
    zoomLevel: '{percent}% of the width',
    loading: 'Opening {name}…',
    pdfPages: '{count} page | {count} pages',
    pdfRendering: 'Showing page {done} of {count}…',
    pdfTruncated: 'Showing the first {shown} of {count} pages. Download the file to see the rest.',
    pdfPageLabel: 'Page {page} of {count}',
    pdfFailed: 'This PDF could not be shown here. It may be damaged or protected; you can still download it.',
    imageAlt: 'Exhibit {number}: {label}',
    imageFailed: 'This image could not be shown here; you can still download it.',
    wordTitle: 'Open exhibit {number} in your word processor?',
    wordConfirm:
      'Word files are not shown inside Overturn. To open this one, Overturn writes a readable (not encrypted) copy to a private temporary folder on this computer and hands it to your word processor. That copy is deleted when you quit Overturn. Changes you save in the word processor do not change the exhibit stored in the case; attach the edited file again if you need it.',
    wordOpen: 'Open in word processor',
    wordCancel: 'Cancel',
    wordOpened: 'Exhibit {number} was opened in your word processor.',
    wordFailed: 'Your computer could not open this Word file. Check that a word processor is installed, or download a copy.',
    notWord: 'Only Word files are opened outside Overturn.',
    downloaded: 'Exhibit {number} was downloaded.',
  },
}
