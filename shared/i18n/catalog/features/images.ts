// Messages of one feature: pictures (issue 16): the byte checks of a chosen, pasted or imported picture,
// the rich-text image dialog, and the interchange file's `images`.
// Same ICU syntax as ../da.ts; the Danish object names the keys, the English one must have exactly the same.

/** Danish. */
export const da = {
  // Why a picture is refused (shared/model/images.ts ImageRefusal codes)
  'images.refused.empty': 'Filen {name} er tom.',
  'images.refused.tooLarge': 'Billedet {name} er for stort ({size, number} MB). Et billede må højst fylde {limit, number} MB; gem det i en mindre opløsning, og prøv igen.',
  'images.refused.unknownType': '{name} er ikke et PNG-, JPEG- eller SVG-billede (filens indhold afgør det, ikke navnet).',
  'images.refused.svgInvalid': '{name} er ikke gyldig SVG: {detail}',
  'images.refused.svgUnsafe':
    '{name} indeholder noget, der kan køre kode eller hente indhold udefra ({detail}). Gem SVG-filen uden scripts og eksterne henvisninger, og prøv igen.',
  'images.refused.noSize': '{name} har ingen størrelse: SVG-filen skal have bredde og højde eller en viewBox.',
  'images.refused.altMissing': 'Skriv en alternativ tekst: den læses op for dem, der ikke kan se billedet.',
  // The interchange file's pictures (shared/format/image-rules.ts)
  'images.format.altMissing': 'et billede skal have en alternativ tekst',
  'images.format.notBase64': 'billedets bytes skal være base64',
  'images.format.mimeMismatch': 'billedet er angivet som {declared}, men dets bytes er {actual}',
  'images.format.missing': 'der er intet billede med id "{id}" i images',
  // Inserting a picture in rich text (renderer/src/images)
  'images.insert': 'Indsæt billede',
  'images.dialog.title': 'Indsæt billede',
  'images.dialog.file': 'Billedfil (PNG, JPEG eller SVG, højst {limit, number} MB)',
  'images.dialog.alt': 'Alternativ tekst',
  'images.dialog.altHint': 'Beskriv, hvad billedet viser, for dem der ikke kan se det.',
  'images.dialog.width': 'Bredde (% af tekstbredden)',
  'images.dialog.insert': 'Indsæt',
  'images.dialog.editTitle': 'Billedets alternative tekst og bredde',
  'images.dialog.update': 'Gem',
  'images.dialog.cancel': 'Annullér',
  'images.dialog.chooseFile': 'Vælg en billedfil.',
  'images.pasted': 'Det indsatte billede {name} mangler en alternativ tekst.',
  'images.inserted': 'Billedet er indsat.',
  'images.webImage': 'Billeder fra en webside kan ikke indsættes direkte. Gem billedet som fil, og indsæt filen.',
  'images.missing': 'Billedet findes ikke i dokumentet',
} as const satisfies Record<string, string>;

/** English. */
export const en: Record<keyof typeof da, string> = {
  'images.refused.empty': 'The file {name} is empty.',
  'images.refused.tooLarge': 'The picture {name} is too large ({size, number} MB). A picture may take at most {limit, number} MB; save it at a lower resolution and try again.',
  'images.refused.unknownType': '{name} is not a PNG, JPEG or SVG picture (the file’s content decides, not its name).',
  'images.refused.svgInvalid': '{name} is not valid SVG: {detail}',
  'images.refused.svgUnsafe': '{name} contains something that can run code or fetch content from elsewhere ({detail}). Save the SVG without scripts and external references and try again.',
  'images.refused.noSize': '{name} has no size: the SVG needs a width and height or a viewBox.',
  'images.refused.altMissing': 'Write an alternative text: it is read aloud to those who cannot see the picture.',
  'images.format.altMissing': 'a picture needs an alternative text',
  'images.format.notBase64': 'the picture’s bytes must be base64',
  'images.format.mimeMismatch': 'the picture is declared as {declared}, but its bytes are {actual}',
  'images.format.missing': 'there is no picture with id "{id}" in images',
  'images.insert': 'Insert picture',
  'images.dialog.title': 'Insert picture',
  'images.dialog.file': 'Picture file (PNG, JPEG or SVG, at most {limit, number} MB)',
  'images.dialog.alt': 'Alternative text',
  'images.dialog.altHint': 'Describe what the picture shows, for those who cannot see it.',
  'images.dialog.width': 'Width (% of the text width)',
  'images.dialog.insert': 'Insert',
  'images.dialog.editTitle': 'The picture’s alternative text and width',
  'images.dialog.update': 'Save',
  'images.dialog.cancel': 'Cancel',
  'images.dialog.chooseFile': 'Choose a picture file.',
  'images.pasted': 'The pasted picture {name} needs an alternative text.',
  'images.inserted': 'The picture was inserted.',
  'images.webImage': 'Pictures from a web page cannot be pasted directly. Save the picture as a file and insert the file.',
  'images.missing': 'The picture is not in the document',
};
