// A strategy that uses every field of interchange format v1, for round-trip tests.
import type { StrategyFile } from '../../../shared/format/schema';

const table = {
  type: 'doc',
  content: [
    { type: 'paragraph', content: [{ type: 'text', text: 'Budget pr. år:' }] },
    {
      type: 'table',
      content: [
        {
          type: 'table_row',
          content: [
            { type: 'table_header', attrs: { colspan: 1, rowspan: 1, colwidth: null }, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'År' }] }] },
            { type: 'table_header', attrs: { colspan: 1, rowspan: 1, colwidth: null }, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Mio. kr.' }] }] },
          ],
        },
        {
          type: 'table_row',
          content: [
            { type: 'table_cell', attrs: { colspan: 1, rowspan: 1, colwidth: null }, content: [{ type: 'paragraph', content: [{ type: 'text', text: '2025' }] }] },
            {
              type: 'table_cell',
              attrs: { colspan: 1, rowspan: 1, colwidth: null },
              content: [{ type: 'paragraph', content: [{ type: 'text', text: '1,5', marks: [{ type: 'strong' }] }] }],
            },
          ],
        },
      ],
    },
  ],
};

export function richStrategy(): StrategyFile {
  return {
    format: 'pejling-strategy',
    formatVersion: 2,
    meta: {
      title: 'Digitaliseringsstrategi 2025-2028',
      organisation: 'Eksempel Kommune',
      period: { from: 2025, to: 2028 },
      subtitle: 'Sammen om den digitale kommune',
      status: 'consultation',
      version: '0.3',
      date: '2025-03-01',
      preparedBy: 'Strategisk IT',
      commissionedBy: 'Økonomiudvalget',
      contact: 'it@eksempel.dk',
      language: 'da',
      style: 'klassisk',
    },
    labels: { perspective: 'Tema', perspectives: 'Temaer', focusArea: 'Indsatsområde', focusAreas: 'Indsatsområder', principles: 'Principper', bearings: 'Pejlemærker' },
    sections: [
      { id: 'se-forord', title: 'Forord', body: 'Strategien er **vedtaget** af *byrådet*.', placement: 'beforeVision' },
      { id: 'se-roller', title: 'Roller', body: '- Direktionen\n- Digitaliseringsgruppen\n- Systemejere' },
    ],
    vision: {
      statement: 'Borgerne møder én digital kommune.',
      body: 'Visionen bygger på:\n\n1. enkelhed\n2. sammenhæng\n\nLæs mere på [kommunens side](https://eksempel.dk "Strategi").',
      principles: [
        { id: 'pr-1', title: 'Digitalt først', body: 'Nye løsninger er digitale fra start.' },
        { id: 'pr-2', title: 'Genbrug før nyt' },
      ],
      bearings: [{ id: 'pm-1', title: 'Selvbetjening', body: '## Mål\n\nAlle ansøgninger kan klares online.' }],
    },
    perspectives: [
      {
        id: 'pe-borger',
        title: 'Borgeren',
        intro: '> Borgeren i centrum.',
        principles: [{ id: 'pr-b1', title: 'Én indgang' }],
        focusAreas: [
          {
            id: 'fa-selvbetjening',
            title: 'Selvbetjening',
            body: table as StrategyFile['vision']['statement'],
            goals: [
              { id: 'go-1', text: '80 % digitale ansøgninger' },
              { id: 'go-2', text: 'Svartid under 5 dage' },
            ],
          },
          { id: 'fa-kommunikation', title: 'Kommunikation', body: '' },
        ],
      },
      {
        id: 'pe-skjult',
        title: 'Uden perspektiv',
        hidden: true,
        focusAreas: [{ id: 'fa-infrastruktur', title: 'Infrastruktur', body: 'Net, servere og *sikkerhed*.\\\nNy linje.' }],
      },
    ],
    owners: [
      { id: 'ow-ks', name: 'Koncernservice', kind: 'unit' },
      { id: 'ow-it', name: 'IT-afdelingen', kind: 'unit', parentId: 'ow-ks', email: 'it@eksempel.dk' },
      { id: 'ow-forum', name: 'IT-chefforum', kind: 'forum' },
      { id: 'ow-anna', name: 'Anna Jensen', kind: 'person', parentId: 'ow-it' },
    ],
    actionPlans: [
      {
        id: 'hp-faelles',
        title: 'Fælles handlingsplan 2025-2026',
        kind: 'common',
        period: { from: 2025, to: 2026 },
        ownerId: 'ow-forum',
        intro: 'Planen opdateres hvert år med *budgettet*.',
        initiatives: [
          {
            id: 'in-login',
            title: 'Fælles login',
            description: 'Ét login til alle **selvbetjeningsløsninger**.',
            focusAreaIds: ['fa-selvbetjening', 'fa-infrastruktur'],
            ownerId: 'ow-it',
            participantIds: ['ow-anna', 'ow-forum'],
            start: '2025-01',
            end: '2026-06',
            status: 'active',
            priority: 1,
            businessCase: { status: 'approved', benefit: 'Sparer 2 årsværk' },
            budget: { amountDkk: 1500000, source: 'Digitaliseringspuljen' },
            statusUpdates: [
              { date: '2025-01-15', status: 'planned' },
              { date: '2025-06-01', status: 'active', note: 'Udbud afsluttet' },
            ],
          },
          { id: 'in-web', title: 'Ny hjemmeside', focusAreaIds: ['fa-kommunikation'] },
        ],
      },
      {
        id: 'hp-lokal',
        title: 'Lokal handlingsplan, Teknik og Miljø',
        kind: 'local',
        period: { from: 2025, to: 2026 },
        parentPlanId: 'hp-faelles',
        initiatives: [
          {
            id: 'in-byggesag',
            title: 'Digital byggesag',
            focusAreaIds: ['fa-selvbetjening'],
            supportsInitiativeIds: ['in-login'],
            businessCase: { status: 'draft' },
            budget: { amountDkk: 250000.5 },
            status: 'delayed',
            priority: 2,
          },
        ],
      },
      { id: 'hp-overgang', title: 'Overgangsplan', kind: 'transition', period: { from: 2024, to: 2024 }, initiatives: [] },
    ],
  };
}
