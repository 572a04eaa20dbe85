/**
 * The fake KServe controller: how an InferenceService's status moves in Serverless mode, after
 * the KServe docs "Canary rollout strategy" / "Rollout strategies" (v1beta1, Knative) and the
 * InferenceService status reference:
 *   - a change to spec.predictor other than canaryTrafficPercent creates a revision
 *     `<name>-predictor-0000N` (latestCreatedRevision); until it is ready PredictorReady and
 *     Ready are Unknown (reason RevisionMissing) and traffic stays where it was;
 *   - once ready (latestReadyRevision): with canaryTrafficPercent set and an earlier rolled-out
 *     revision, traffic is split — the `latest` tag gets the percent, the `prev` tag
 *     (latestRolledoutRevision) the rest; without it (or at 100) the new revision takes all the
 *     traffic and becomes latestRolledoutRevision, the old one previousRolledoutRevision;
 *   - canaryTrafficPercent: 0 pins all traffic to latestRolledoutRevision (the rollback recipe);
 *   - a revision that cannot start (storage pull, model load) is reported False with reason
 *     RevisionFailed, and the traffic is not moved.
 * Every traffic target has its tag URL (serving.kserve.io/enable-tag-routing); status.url is
 * the route splitting requests by percent. observedGeneration follows metadata.generation once
 * the change is reconciled. `neverReady` keeps new revisions from becoming ready (a stuck
 * image pull or a crash-looping pod) until resume() — as a pod starts once its cause is fixed.
 */
import { startRevision, Router, type Revision } from './runtime.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

interface State {
  key: string;
  counter: number;
  revisions: Map<string, Revision>;
  failed: Set<string>;
  router: Router;
}

export interface ControllerOptions {
  neverReady(): boolean;
  /** Milliseconds before a change is reconciled (status lags the spec, as on a real cluster). */
  lagMs: number;
  onChange(object: Json): void;
}

export class Controller {
  private readonly states = new Map<string, State>();
  private queue = Promise.resolve();

  constructor(private readonly options: ControllerOptions) {}

  /** Called after every stored change of an InferenceService; reconciles in order, after a lag. */
  enqueue(object: Json): void {
    this.queue = this.queue.then(() => new Promise((r) => setTimeout(r, this.options.lagMs))).then(() => this.reconcile(object)).catch((error) => console.error('fake-kube controller:', error));
  }

  /** Reconciles every object again (the periodic resync): revisions held back start now. */
  resume(objects: Iterable<Json>): void {
    for (const object of objects) this.enqueue(object);
  }

  async settle(): Promise<void> {
    await this.queue;
  }

  /** Every running predictor pod (one per revision), as a Prometheus kubernetes-pods job would find it. */
  pods(): { namespace: string; name: string; revision: string; url: string }[] {
    return [...this.states.entries()].flatMap(([id, state]) => {
      const [namespace, name] = id.split('/') as [string, string];
      return [...state.revisions.values()].map((revision) => ({ namespace, name, revision: revision.name, url: revision.url }));
    });
  }

  private async state(object: Json): Promise<State> {
    const id = `${object.metadata.namespace}/${object.metadata.name}`;
    let state = this.states.get(id);
    if (!state) {
      const router = new Router();
      await router.start();
      state = { key: '', counter: 0, revisions: new Map(), failed: new Set(), router };
      this.states.set(id, state);
    }
    return state;
  }

  private async reconcile(object: Json): Promise<void> {
    const state = await this.state(object);
    const generation: number = object.metadata.generation;
    const predictor = { ...(object.spec?.predictor ?? {}) };
    const percent: number | undefined = predictor.canaryTrafficPercent;
    delete predictor.canaryTrafficPercent;
    const key = JSON.stringify(predictor);
    object.status ??= {};
    const status = object.status;
    status.components ??= { predictor: {} };
    const component = status.components.predictor;
    if (key !== state.key) {
      state.key = key;
      state.counter++;
      const revision = `${object.metadata.name}-predictor-${String(state.counter).padStart(5, '0')}`;
      component.latestCreatedRevision = revision;
      this.conditions(status, 'Unknown', 'RevisionMissing', `Configuration "${object.metadata.name}-predictor" is waiting for a Revision to become ready.`);
      status.observedGeneration = generation;
      this.options.onChange(object);
    }
    // The latest revision's pod starts (again, after a resume) until it is ready or has failed.
    const revision: string = component.latestCreatedRevision;
    if (component.latestReadyRevision !== revision && !state.revisions.has(revision) && !state.failed.has(revision)) {
      if (this.options.neverReady()) return;
      try {
        const started = await startRevision(revision, object.metadata.name, String(predictor.model?.storageUri ?? ''));
        state.revisions.set(revision, started);
        if (component.latestCreatedRevision !== revision) return; // superseded meanwhile
        component.latestReadyRevision = revision;
      } catch (error) {
        state.failed.add(revision);
        this.conditions(status, 'False', 'RevisionFailed', `Revision "${revision}" failed with message: ${(error as Error).message.split('\n')[0]}.`);
        this.options.onChange(object);
        return;
      }
    }
    this.route(object, state, percent);
    status.observedGeneration = generation;
    this.options.onChange(object);
  }

  private route(object: Json, state: State, percent: number | undefined): void {
    const status = object.status;
    const component = status.components.predictor;
    const ready: string | undefined = component.latestReadyRevision;
    if (!ready) return;
    const rolled: string | undefined = component.latestRolledoutRevision;
    const urlOf = (revision: string) => state.revisions.get(revision)?.url;
    let traffic: Json[];
    if (percent !== undefined && percent < 100 && rolled && rolled !== ready) {
      traffic = [
        { tag: 'latest', revisionName: ready, percent, latestRevision: true, url: urlOf(ready) },
        { tag: 'prev', revisionName: rolled, percent: 100 - percent, latestRevision: false, url: urlOf(rolled) },
      ];
    } else {
      traffic = [{ tag: 'latest', revisionName: ready, percent: 100, latestRevision: true, url: urlOf(ready) }];
      if (rolled !== ready) {
        if (rolled) component.previousRolledoutRevision = rolled;
        component.latestRolledoutRevision = ready;
      }
    }
    component.traffic = traffic;
    component.url = state.router.url;
    status.url = state.router.url;
    status.address = { url: state.router.url };
    state.router.route(traffic.map((t) => ({ url: t.url, percent: t.percent })));
    if (component.latestCreatedRevision === ready) this.conditions(status, 'True');
  }

  private conditions(status: Json, value: 'True' | 'False' | 'Unknown', reason?: string, message?: string): void {
    const now = new Date().toISOString();
    const previous = new Map<string, Json>((status.conditions ?? []).map((c: Json) => [c.type, c]));
    const make = (type: string, v: string, severity?: string): Json => {
      const same = previous.get(type)?.status === v;
      return { type, status: v, lastTransitionTime: same ? previous.get(type)!.lastTransitionTime : now, ...(severity ? { severity } : {}), ...(v !== 'True' && reason ? { reason, message } : {}) };
    };
    const ingress = previous.get('IngressReady')?.status === 'True' || value === 'True' ? 'True' : 'Unknown';
    status.conditions = [
      make('IngressReady', ingress),
      make('LatestDeploymentReady', value, 'Info'),
      make('PredictorConfigurationReady', value, 'Info'),
      make('PredictorReady', value),
      make('PredictorRouteReady', ingress === 'True' ? 'True' : value, 'Info'),
      make('Ready', value),
    ];
  }

  async stop(): Promise<void> {
    await this.queue.catch(() => undefined);
    for (const state of this.states.values()) {
      await state.router.stop();
      for (const revision of state.revisions.values()) await revision.stop();
    }
  }
}
