// A large, deterministic strategy for the benchmark: by default 12 perspectives, 120 focus areas of
// three paragraphs each, 1,000 initiatives in ten action plans and 150 owners, in plausible Danish.
// The same options always give the same file (a seeded generator; no clock, no Math.random).
//
//   npx tsx bench/generate-large-strategy.ts [--out FILE] [--focus-areas N] [--perspectives N]
//                                            [--initiatives N] [--owners N] [--seed N]
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { ActionPlan, FocusArea, Initiative, InitiativeStatus, Owner, Perspective, StrategyFile } from '../shared/format/schema';
import { seededRandom } from './lib/stats';

export interface LargeStrategyOptions {
  perspectives?: number;
  focusAreas?: number;
  paragraphsPerFocusArea?: number;
  initiatives?: number;
  owners?: number;
  seed?: number;
}

export const LARGE_STRATEGY_DEFAULTS: Required<LargeStrategyOptions> = {
  perspectives: 12,
  focusAreas: 120,
  paragraphsPerFocusArea: 3,
  initiatives: 1000,
  owners: 150,
  seed: 8,
};

// ---- word banks (written for this benchmark) ----------------------------------------------------------

const PERSPECTIVES = [
  'Borgeren i centrum',
  'Virksomheder og erhverv',
  'Medarbejderen og arbejdspladsen',
  'Ledelse og styring',
  'Data og arkitektur',
  'Informationssikkerhed',
  'Infrastruktur og drift',
  'Velfærdsteknologi',
  'Samarbejde på tværs',
  'Grøn omstilling',
  'Demokrati og dialog',
  'Økonomi og gevinster',
];

const TOPICS = [
  'Sammenhængende forløb',
  'Digital selvbetjening',
  'Fælles datagrundlag',
  'Automatisering af sagsbehandling',
  'Tryg identitet og adgang',
  'Moderne arbejdspladser',
  'Digitale kompetencer',
  'Åbne data',
  'Fælles komponenter',
  'Robust netværk',
  'Skærmbaseret omsorg',
  'Bedre overblik for ledere',
  'Mindre papir og færre breve',
  'Tilgængelige løsninger',
  'Ansvarlig brug af kunstig intelligens',
  'Styring af it-porteføljen',
  'Gevinstrealisering',
  'Leverandørstyring',
  'Beredskab og kontinuitet',
  'Dialog med borgerne',
  'Digital inklusion',
  'Geodata i planlægningen',
  'Sensorer i byrummet',
  'Fælles journal',
];

const DOMAINS = [
  'på tværs af forvaltningerne',
  'i dagtilbud og skoler',
  'i ældreplejen',
  'i byggeri og miljø',
  'i borgerservice',
];

const ACTORS = [
  'kommunen',
  'forvaltningerne',
  'de decentrale enheder',
  'it-afdelingen',
  'de faglige ledere',
  'medarbejderne',
  'projektorganisationen',
  'direktionen',
];

const VERBS = [
  'styrke',
  'udvikle',
  'forenkle',
  'samle',
  'udbrede',
  'modernisere',
  'afprøve',
  'understøtte',
  'måle og følge op på',
  'gøre brug af',
];

/** The same verbs in the present tense ("at kommunen styrker …"). */
const VERBS_PRESENT = [
  'styrker',
  'udvikler',
  'forenkler',
  'samler',
  'udbreder',
  'moderniserer',
  'afprøver',
  'understøtter',
  'måler og følger op på',
  'gør brug af',
];

const OBJECTS = [
  'de digitale kanaler',
  'den fælles it-arkitektur',
  'genbrug af data',
  'borgernes adgang til egne oplysninger',
  'samarbejdet med regionen',
  'de administrative arbejdsgange',
  'løsninger, der virker på mobilen',
  'kvaliteten af de faglige systemer',
  'overblikket over kontrakter og licenser',
  'den tekniske platform',
  'brugen af fælleskommunale løsninger',
  'sikkerheden omkring personoplysninger',
];

const PURPOSES = [
  'frigøre tid til kerneopgaverne',
  'give borgerne en bedre og hurtigere service',
  'skabe mere sammenhæng i indsatsen',
  'reducere fejl og dobbeltarbejde',
  'leve op til lovgivningens krav',
  'bruge ressourcerne bedre',
  'gøre det lettere at være virksomhed i kommunen',
  'sikre, at ingen borgere bliver hægtet af',
];

const MEANS = [
  'klare fælles standarder',
  'en trinvis udrulning',
  'tæt dialog med brugerne',
  'målrettet kompetenceudvikling',
  'erfaringer fra pilotprojekter',
  'fælles indkøb',
  'en samlet plan for data',
  'løbende opfølgning i it-chefforum',
];

const PARTNERS = [
  'KL og de andre kommuner',
  'regionen',
  'de faglige organisationer',
  'leverandørerne',
  'borgerpanelet',
  'erhvervsrådet',
  'uddannelsesinstitutionerne',
];

const ACTIONS = ['Udrulning af', 'Analyse af', 'Pilotprojekt om', 'Udbud af', 'Fælles løsning til', 'Kortlægning af', 'Implementering af', 'Evaluering af', 'Opgradering af', 'Samling af'];

const ACTION_OBJECTS = [
  'digital post',
  'mobil hjemmepleje',
  'fælles brugerstyring',
  'elektronisk arkivering',
  'robotter i lønadministrationen',
  'selvbetjening af byggetilladelser',
  'booking af lokaler',
  'sensorer til indeklima',
  'videokonsultationer',
  'trådløst netværk på skolerne',
  'ledelsesinformation',
  'kontraktstyring',
  'to-faktor-login',
  'fælles dokumenthåndtering',
  'digitale skemaer',
  'skærmbesøg i ældreplejen',
  'dataplatform',
  'sikkerhedsovervågning',
  'genbrug af stamdata',
  'tilgængelighedstjek af hjemmesiden',
];

const DEPARTMENTS = [
  'Børne- og Ungdomsforvaltningen',
  'Sundheds- og Omsorgsforvaltningen',
  'Socialforvaltningen',
  'Teknik- og Miljøforvaltningen',
  'Kultur- og Fritidsforvaltningen',
  'Beskæftigelses- og Integrationsforvaltningen',
  'Økonomiforvaltningen',
  'Koncernservice',
];

const UNIT_KINDS = ['Center for Digitalisering', 'Center for Drift', 'Afdeling for Data', 'Sekretariatet', 'Center for Sagsbehandling'];

const FIRST_NAMES = ['Anne', 'Bo', 'Camilla', 'Dorte', 'Erik', 'Frederik', 'Gitte', 'Hans', 'Ida', 'Jens', 'Karen', 'Lars', 'Mette', 'Niels', 'Ole', 'Pia', 'Rasmus', 'Signe', 'Thomas', 'Ulla', 'Vibeke', 'Yasmin', 'Ahmed', 'Birgitte'];
const LAST_NAMES = ['Andersen', 'Bech', 'Christensen', 'Dam', 'Eriksen', 'Frost', 'Hansen', 'Holm', 'Jensen', 'Kristiansen', 'Larsen', 'Madsen', 'Nielsen', 'Olsen', 'Poulsen', 'Rasmussen', 'Sørensen', 'Thomsen', 'Vestergaard', 'Østergaard'];

const STATUSES: InitiativeStatus[] = ['planned', 'planned', 'active', 'active', 'active', 'done', 'delayed', 'cancelled'];

// ---- generator ----------------------------------------------------------------------------------------

type Pick = <T>(list: readonly T[]) => T;

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function sentence(pick: Pick, rnd: () => number): string {
  switch (Math.floor(rnd() * 5)) {
    case 0:
      return `${capitalise(pick(ACTORS))} vil ${pick(VERBS)} ${pick(OBJECTS)} for at ${pick(PURPOSES)}.`;
    case 1:
      return `Med ${pick(MEANS)} kan vi ${pick(VERBS)} ${pick(OBJECTS)}, så vi kan ${pick(PURPOSES)}.`;
    case 2:
      return `Det kræver, at ${pick(ACTORS)} ${pick(VERBS_PRESENT)} ${pick(OBJECTS)} i samarbejde med ${pick(PARTNERS)}.`;
    case 3:
      return `Indsatsen bygger på ${pick(MEANS)} og skal ${pick(PURPOSES)}.`;
    default:
      return `I strategiperioden vil vi ${pick(VERBS)} ${pick(OBJECTS)}, og ${pick(ACTORS)} har ansvaret for at ${pick(PURPOSES)}.`;
  }
}

function paragraph(pick: Pick, rnd: () => number, sentences: number): string {
  return Array.from({ length: sentences }, () => sentence(pick, rnd)).join(' ');
}

export function generateLargeStrategy(options: LargeStrategyOptions = {}): StrategyFile {
  const o = { ...LARGE_STRATEGY_DEFAULTS };
  for (const [name, value] of Object.entries(options) as [keyof LargeStrategyOptions, number | undefined][]) {
    if (value !== undefined) o[name] = value;
  }
  for (const [name, value] of Object.entries(o)) {
    if (!Number.isInteger(value) || value < (name === 'seed' ? 0 : 1)) throw new Error(`generateLargeStrategy: ${name} must be a positive whole number, not ${value}`);
  }
  if (o.owners < DEPARTMENTS.length + 4) throw new Error(`generateLargeStrategy: owners must be at least ${DEPARTMENTS.length + 4}`);
  const rnd = seededRandom(o.seed);
  const pick: Pick = (list) => list[Math.floor(rnd() * list.length)]!;

  // Owners: forvaltninger, their centres and departments, forums, and people in the units.
  const owners: Owner[] = DEPARTMENTS.map((name, i) => ({ id: `ow-dep-${i + 1}`, name, kind: 'unit' }));
  const forums: Owner[] = [
    { id: 'ow-forum-1', name: 'It-chefforum', kind: 'forum' },
    { id: 'ow-forum-2', name: 'Digitaliseringsgruppen', kind: 'forum' },
    { id: 'ow-forum-3', name: 'Styregruppen for data', kind: 'forum' },
    { id: 'ow-forum-4', name: 'Sikkerhedsudvalget', kind: 'forum' },
  ];
  owners.push(...forums);
  const unitCount = Math.min(40, Math.floor((o.owners - owners.length) / 3));
  const units: Owner[] = [];
  for (let i = 0; i < unitCount; i++) {
    const parent = owners[i % DEPARTMENTS.length]!;
    units.push({ id: `ow-unit-${i + 1}`, name: `${UNIT_KINDS[Math.floor(i / DEPARTMENTS.length) % UNIT_KINDS.length]}, ${parent.name}`, kind: 'unit', parentId: parent.id });
  }
  owners.push(...units);
  for (let i = 0; owners.length < o.owners; i++) {
    const first = FIRST_NAMES[i % FIRST_NAMES.length]!;
    const last = LAST_NAMES[(i * 7 + Math.floor(i / FIRST_NAMES.length)) % LAST_NAMES.length]!;
    const unit = units.length > 0 ? units[i % units.length]! : owners[i % DEPARTMENTS.length]!;
    const handle = `${first}.${last}`.toLowerCase().replace(/æ/g, 'ae').replace(/ø/g, 'oe').replace(/å/g, 'aa');
    owners.push({ id: `ow-person-${i + 1}`, name: `${first} ${last}`, kind: 'person', parentId: unit.id, email: `${handle}${i + 1}@storby.dk` });
  }

  // Perspectives and focus areas, spread evenly.
  const perspectives: Perspective[] = [];
  const focusAreaIds: string[] = [];
  let made = 0;
  for (let p = 0; p < o.perspectives; p++) {
    const share = Math.floor(o.focusAreas / o.perspectives) + (p < o.focusAreas % o.perspectives ? 1 : 0);
    const focusAreas: FocusArea[] = [];
    for (let f = 0; f < share; f++, made++) {
      const id = `fa-${made + 1}`;
      focusAreaIds.push(id);
      const title = `${TOPICS[made % TOPICS.length]} ${DOMAINS[Math.floor(made / TOPICS.length) % DOMAINS.length]}`;
      const paragraphs = Array.from({ length: o.paragraphsPerFocusArea }, (_, k) => paragraph(pick, rnd, 3 + ((made + k) % 3)));
      // Some emphasis, as real strategies have.
      paragraphs[0] = `**${title}.** ${paragraphs[0]}`;
      focusAreas.push({
        id,
        title,
        body: paragraphs.join('\n\n'),
        goals: Array.from({ length: 2 + (made % 2) }, (_, g) => ({ id: `${id}-go-${g + 1}`, text: `${capitalise(pick(VERBS))} ${pick(OBJECTS)} inden ${2027 + g}` })),
      });
    }
    perspectives.push({
      id: `pe-${p + 1}`,
      title: PERSPECTIVES[p % PERSPECTIVES.length]! + (p >= PERSPECTIVES.length ? ` ${Math.floor(p / PERSPECTIVES.length) + 1}` : ''),
      intro: paragraph(pick, rnd, 3),
      focusAreas,
    });
  }

  // Action plans: two common two-year plans, and a local plan per forvaltning supporting the first.
  const plans: ActionPlan[] = [
    { id: 'ap-common-1', title: 'Fælles handlingsplan 2026-2027', kind: 'common', period: { from: 2026, to: 2027 }, ownerId: 'ow-forum-1', intro: paragraph(pick, rnd, 2), initiatives: [] },
    { id: 'ap-common-2', title: 'Fælles handlingsplan 2028-2029', kind: 'common', period: { from: 2028, to: 2029 }, ownerId: 'ow-forum-1', intro: paragraph(pick, rnd, 2), initiatives: [] },
    ...DEPARTMENTS.map<ActionPlan>((name, i) => ({
      id: `ap-local-${i + 1}`,
      title: `Lokal handlingsplan 2026-2027, ${name}`,
      kind: 'local',
      period: { from: 2026, to: 2027 },
      ownerId: `ow-dep-${i + 1}`,
      parentPlanId: 'ap-common-1',
      initiatives: [],
    })),
  ];
  const commonShare = Math.round(o.initiatives * 0.4);
  for (let n = 0; n < o.initiatives; n++) {
    const plan = n < commonShare ? plans[n % 2]! : plans[2 + ((n - commonShare) % DEPARTMENTS.length)]!;
    const from = plan.period.from;
    const startMonth = 1 + Math.floor(rnd() * 12);
    const lengthMonths = 3 + Math.floor(rnd() * 18);
    const endIndex = Math.min((plan.period.to - from) * 12 + 11, startMonth - 1 + lengthMonths);
    const month = (index: number) => `${from + Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
    const status = pick(STATUSES);
    const focus = [focusAreaIds[n % focusAreaIds.length]!];
    if (n % 4 === 0) focus.push(focusAreaIds[(n * 7 + 3) % focusAreaIds.length]!);
    const initiative: Initiative = {
      id: `in-${n + 1}`,
      title: `${pick(ACTIONS)} ${pick(ACTION_OBJECTS)} ${pick(DOMAINS)}`,
      description: paragraph(pick, rnd, 1 + (n % 3)),
      focusAreaIds: [...new Set(focus)],
      ownerId: owners[DEPARTMENTS.length + (n % (owners.length - DEPARTMENTS.length))]!.id,
      start: month(startMonth - 1),
      end: month(endIndex),
      status,
      priority: 1 + (n % 3),
    };
    const participant = owners[(n * 11) % owners.length]!.id;
    if (n % 3 === 0 && participant !== initiative.ownerId) initiative.participantIds = [participant];
    if (n % 2 === 0) initiative.businessCase = { status: pick(['none', 'draft', 'approved'] as const), benefit: `Skal ${pick(PURPOSES)}` };
    if (n % 5 === 0) initiative.budget = { amountDkk: 50_000 * (1 + Math.floor(rnd() * 40)), source: pick(['Digitaliseringspuljen', 'Forvaltningens ramme', 'Investeringspuljen']) };
    if (status !== 'planned' && n % 2 === 1) {
      initiative.statusUpdates = [{ date: `${from}-12-15`, status, note: paragraph(pick, rnd, 1) }];
    }
    plan.initiatives.push(initiative);
  }

  return {
    format: 'pejling-strategy',
    formatVersion: 1,
    meta: {
      title: 'Digitaliseringsstrategi 2026-2029',
      subtitle: 'Sammen om den digitale velfærd',
      organisation: 'Storby Kommune',
      period: { from: 2026, to: 2029 },
      status: 'draft',
      version: '0.9',
      date: '2026-03-02',
      preparedBy: 'Digitalisering og IT, Koncernservice',
      commissionedBy: 'Økonomiudvalget',
      contact: 'Digitalisering og IT, Koncernservice',
      language: 'da',
      style: 'kommune',
    },
    labels: { perspective: 'Perspektiv', perspectives: 'Perspektiver', focusArea: 'Indsatsområde', focusAreas: 'Indsatsområder', principles: 'Principper' },
    sections: [
      { id: 'se-forord', title: 'Forord', placement: 'beforeVision', body: `${paragraph(pick, rnd, 4)}\n\n${paragraph(pick, rnd, 3)}` },
      {
        id: 'se-opfoelgning',
        title: 'Implementering og opfølgning',
        placement: 'afterPerspectives',
        body: `${paragraph(pick, rnd, 3)}\n\n- Handlingsplanerne revideres hvert år sammen med budgettet.\n- It-chefforum følger op på status to gange om året.\n- Økonomiudvalget får en årlig statusrapport.`,
      },
    ],
    vision: {
      statement: 'Storby Kommune er **digital, tryg og sammenhængende**: borgere og virksomheder møder én kommune, og medarbejderne har de værktøjer, de har brug for.',
      body: `${paragraph(pick, rnd, 4)}\n\n${paragraph(pick, rnd, 3)}`,
      principles: [
        'Digital som det naturlige førstevalg',
        'Data genbruges, de indsamles ikke to gange',
        'Sikkerhed er indbygget fra starten',
        'Fælles løsninger før egne løsninger',
        'Ingen borgere efterlades',
        'Gevinster hentes og følges op',
      ].map((title, i) => ({ id: `pr-${i + 1}`, title, body: paragraph(pick, rnd, 2) })),
    },
    perspectives,
    owners,
    actionPlans: plans,
  };
}

function argValue(args: string[], name: string): string | undefined {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const num = (name: string) => {
    const value = argValue(args, name);
    if (value === undefined) return undefined;
    if (!/^\d+$/.test(value)) throw new Error(`${name} must be a whole number, not '${value}'`);
    return Number(value);
  };
  const strategy = generateLargeStrategy({
    focusAreas: num('--focus-areas'),
    perspectives: num('--perspectives'),
    initiatives: num('--initiatives'),
    owners: num('--owners'),
    seed: num('--seed'),
  });
  const text = `${JSON.stringify(strategy, null, 2)}\n`;
  const out = argValue(args, '--out');
  if (out) await writeFile(out, text);
  else process.stdout.write(text);
}
