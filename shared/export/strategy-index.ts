// Look-ups over a strategy by id, shared by the Word exporter and the status report.
import type { ActionPlan, FocusArea, Initiative, Owner, Perspective, StrategyFile } from '../format/schema';

export interface FocusAreaPlace {
  focusArea: FocusArea;
  perspective: Perspective;
  /** Position of the perspective in the strategy, and of the focus area in the strategy overall. */
  perspectiveIndex: number;
  order: number;
}

export class StrategyIndex {
  readonly focusAreas = new Map<string, FocusAreaPlace>();
  readonly owners = new Map<string, Owner>();
  readonly plans = new Map<string, ActionPlan>();
  readonly initiatives = new Map<string, { initiative: Initiative; plan: ActionPlan }>();

  constructor(readonly strategy: StrategyFile) {
    let order = 0;
    strategy.perspectives.forEach((perspective, perspectiveIndex) => {
      for (const focusArea of perspective.focusAreas) {
        this.focusAreas.set(focusArea.id, { focusArea, perspective, perspectiveIndex, order: order++ });
      }
    });
    for (const owner of strategy.owners ?? []) this.owners.set(owner.id, owner);
    for (const plan of strategy.actionPlans ?? []) {
      this.plans.set(plan.id, plan);
      for (const initiative of plan.initiatives) this.initiatives.set(initiative.id, { initiative, plan });
    }
  }

  /** An owner's name with the unit it belongs to: "Jens Holm (Økonomiforvaltningen)". */
  ownerLabel(ownerId: string | undefined): string {
    if (!ownerId) return '';
    const owner = this.owners.get(ownerId);
    if (!owner) return '';
    const parent = owner.parentId ? this.owners.get(owner.parentId) : undefined;
    return parent && owner.kind === 'person' ? `${owner.name} (${parent.name})` : owner.name;
  }

  /** The focus areas an initiative serves that exist, in the strategy's order. */
  focusAreasOf(initiative: Initiative): FocusAreaPlace[] {
    return initiative.focusAreaIds
      .map((id) => this.focusAreas.get(id))
      .filter((place): place is FocusAreaPlace => place !== undefined)
      .sort((a, b) => a.order - b.order);
  }

  /** Where an initiative is listed when grouped: under the first focus area it serves. */
  homeOf(initiative: Initiative): FocusAreaPlace | undefined {
    return this.focusAreasOf(initiative)[0];
  }
}
