// Advance widths of the characters of running text in the two font families our house styles name (Calibri and
// Arial) as LibreOffice sets them here: Carlito and Liberation Sans, metric-compatible with those. The quick
// page estimate wraps lines with these widths instead of one average width per font: with the average, a
// paragraph's length came out up to a line off and the error added up over a document, so the estimate agreed
// with LibreOffice's first layout in none of the bench's 7 exports (docs/export.md, "Why the quick estimate
// was off"). Read once with opentype.js from Debian's fonts-crosextra-carlito and fonts-liberation (advance
// width × 1000 / unitsPerEm, rounded), written base 36, one per character of WIDTH_CHARS.
const WIDTH_CHARS =
  " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~ ¡¢£¤¥¦§¨©ª«¬­®¯°±²³´µ¶·¸¹º»¼½¾¿ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖ×ØÙÚÛÜÝÞßàáâãäåæçèéêëìíîïðñòóôõö÷øùúûüýþÿ–—‘’“”•…€‑";;

const ENCODED: Record<string, string> = {
  carlito: '6a 92 b5 du e3 jv iy 65 8f 8f du du 6y 8i 70 aq e3 e3 e3 e3 e3 e3 e3 e3 e3 e3 7g 7g du du du cv ou g3 f4 et h3 dk cr hj hb 70 8v eg bo nr hy ie ed ip f3 cr dj hu fr oq ef dj d0 8j aq 8j du du 83 db el br el du 8h d3 el 6d 6n cn 6d m7 el en el el 9p av 9b el ck jv c1 cl az 8q cs 8q du e3 92 du e3 du e3 du du ax n6 b6 e8 du e3 e3 ay 9f du 9c 9a 84 fa ga 70 8j 6u bq e8 ho in ir cv g3 g3 g3 g3 g3 g3 l7 et dk dk dk dk 70 70 70 70 hd hy ie ie ie ie ie du ig hu hu hu hu dj ed en db db db db db db lh br du du du du 6d 6d 6d 6d el el en en en en en du ep el el el el cl el cl du p5 6y 6y bm bm du j6 e3 e3',
  'carlito-bold': '6a 92 c6 du e3 k9 jl 6h 8o 8o du du 76 8i 7f by e3 e3 e3 e3 e3 e3 e3 e3 e3 e3 7o 7o du du du cv oy gu fl ep hi dk cr hp hj 7f 97 f7 br oa ib is es j2 fn d5 dr i5 gf p6 fb eg da 91 by 91 du du 8c dq ex bm ex dz 8s d6 ex 6u 73 dc 6u ml ex ey ex ex 9v b3 9n ex d5 kp cr d6 b1 9k d7 9k du e3 92 du e3 du e3 du du bj n6 bk ez du e3 e3 au 9i du 9e 9c 8d fn gm 7g 8f 70 c3 ez ia j7 ji cv gu gu gu gu gu gu lj ep dk dk dk dk 7f 7f 7f 7f hr ib is is is is is du ix i5 i5 i5 i5 eg es ff dq dq dq dq dq dq lj bm dz dz dz dz 6u 6u 6u 6u ex ex ey ey ey ey ey du f4 ex ex ex ex d6 ex d6 du p5 76 76 c3 c3 du jr e3 e3',
  'liberation sans': '7q 7q 9v fg fg op ij 5b 99 99 at g8 7q 99 7q 7q fg fg fg fg fg fg fg fg fg fg 7q 7q g8 g8 g8 fg s7 ij ij k2 k2 ij gz lm k2 7q dw ij fg n5 k2 lm ij lm k2 ij gz k2 ij q8 ij ij gz 7q 7q 7q d1 fg 99 fg fg dw fg fg 7q fg fg 66 66 dw 66 n5 fg fg fg fg 99 dw 7q fg dw k2 dw dw dw 9a 78 9a g8 7q 99 fg fg fg fg 78 fg 99 kh aa fg g8 99 kh fc b4 f9 99 99 99 g0 ex 7q 99 99 a5 fg n6 n6 n6 gz ij ij ij ij ij ij rs k2 ij ij ij ij 7q 7q 7q 7q k2 k2 lm lm lm lm lm g8 lm k2 k2 k2 k2 ij ij gz fg fg fg fg fg fg op dw fg fg fg fg 7q 7q 7q 7q fg fg fg fg fg fg fg f9 gz fg fg fg fg dw fg dw fg rs 66 66 99 99 9q rs fg 99',
  'liberation sans-bold': '7q 99 d6 fg fg op k2 6m 99 99 at g8 7q 99 7q 7q fg fg fg fg fg fg fg fg fg fg 99 99 g8 g8 g8 gz r3 k2 k2 k2 k2 ij gz lm k2 7q fg k2 gz n5 k2 lm ij lm k2 ij gz k2 ij q8 ij ij gz 99 7q 99 g8 fg 99 fg gz fg gz fg 99 gz gz 7q 7q fg 7q op gz gz gz gz at fg 99 gz fg lm fg fg dw at 7s at g8 7q 99 fg fg fg fg 7s fg 99 kh aa fg g8 99 kh fc b4 f9 99 99 99 g0 fg 7q 99 99 a5 fg n6 n6 n6 gz k2 k2 k2 k2 k2 k2 rs k2 ij ij ij ij 7q 7q 7q 7q k2 k2 lm lm lm lm lm g8 lm k2 k2 k2 k2 ij ij gz fg fg fg fg fg fg op fg fg fg fg fg 7q 7q 7q 7q gz gz gz gz gz gz gz f9 gz gz gz gz gz fg gz fg fg rs 7q 7q dw dw 9q rs fg 99',
};

/** Width tables by family ("carlito", "liberation sans") and weight: thousandths of the font size per character. */
const TABLES = new Map<string, Map<string, number>>();
for (const [key, encoded] of Object.entries(ENCODED)) {
  const widths = encoded.split(' ').map((value) => parseInt(value, 36));
  const table = new Map<string, number>();
  [...WIDTH_CHARS].forEach((ch, i) => table.set(ch, widths[i] ?? 500));
  TABLES.set(key, table);
}

const FAMILY: Record<string, string> = {
  calibri: 'carlito',
  carlito: 'carlito',
  arial: 'liberation sans',
  'liberation sans': 'liberation sans',
  helvetica: 'liberation sans',
  arimo: 'liberation sans',
};

/** The width table of a font (thousandths of its size per character), or undefined for a family we have none for. */
export function charWidths(font: string, bold: boolean): Map<string, number> | undefined {
  const family = FAMILY[font.toLowerCase()];
  if (!family) return undefined;
  return TABLES.get(bold ? `${family}-bold` : family);
}
