// The Kubernetes manifests in deploy/kubernetes: every object is checked against the Kubernetes API schemas
// (kubernetes-models), then against what the service relies on to run safely as identical replicas.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { Deployment, type IDeployment } from 'kubernetes-models/apps/v1';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2';
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1';
import { ConfigMap, Namespace, Service } from 'kubernetes-models/v1';
import { parseAllDocuments } from 'yaml';
import { projectRoot } from '../src/contract/projectRoot';

const root = projectRoot();
const manifestDir = path.join(root, 'deploy', 'kubernetes');
const rulesDir = path.join(root, 'rules');

interface Kustomization {
  namespace?: string;
  resources: string[];
  configMapGenerator: {
    name: string;
    options?: { disableNameSuffixHash?: boolean };
    files: string[];
  }[];
}

interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string };
}

type GeneratedConfigMap = KubeObject & { data: Record<string, string> };

/** Kubernetes reads manifests as YAML 1.1 (so `0444` is octal); read them the same way. */
function readYaml(file: string): unknown[] {
  return parseAllDocuments(readFileSync(file, 'utf8'), { version: '1.1' }).map((doc) => {
    if (doc.errors.length) throw new Error(`${file}: ${doc.errors[0]!.message}`);
    return doc.toJS();
  });
}

const kustomization = readYaml(path.join(manifestDir, 'kustomization.yaml'))[0] as Kustomization;
const packsGenerator = kustomization.configMapGenerator.find((g) => g.name === 'sanctuary-rules-packs')!;

/** The ConfigMap that `kubectl kustomize` generates: key=file entries, files relative to the kustomization. */
function generatedConfigMap(generator: Kustomization['configMapGenerator'][number]): GeneratedConfigMap {
  const data = Object.fromEntries(
    generator.files.map((entry) => {
      const [key, file] = entry.includes('=') ? entry.split('=') : [path.basename(entry), entry];
      return [key!, readFileSync(path.join(manifestDir, file!), 'utf8')];
    }),
  );
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: generator.name }, data };
}

const objects: KubeObject[] = [
  ...kustomization.resources.flatMap((file) => readYaml(path.join(manifestDir, file)) as KubeObject[]),
  ...kustomization.configMapGenerator.map(generatedConfigMap),
];

const models: Record<string, new (data: never) => { validate(): void }> = {
  'v1/Namespace': Namespace,
  'v1/Service': Service,
  'v1/ConfigMap': ConfigMap,
  'apps/v1/Deployment': Deployment,
  'autoscaling/v2/HorizontalPodAutoscaler': HorizontalPodAutoscaler,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget,
  'networking.k8s.io/v1/NetworkPolicy': NetworkPolicy,
};

function only<T>(kind: string): T {
  const found = objects.filter((o) => o.kind === kind);
  if (found.length !== 1) throw new Error(`expected one ${kind} in deploy/kubernetes, found ${found.length}`);
  return found[0] as T;
}

const deployment = new Deployment(only<IDeployment>('Deployment'));
const pod = deployment.spec!.template.spec!;
const container = pod.containers.find((c) => c.name === 'sanctuary-rules')!;
const podLabels = deployment.spec!.template.metadata!.labels!;
const env = (name: string) => container.env?.find((e) => e.name === name)?.value;
const appPort = container.ports!.find((p) => p.name === 'http')!;

/** Every file under rules/, as paths relative to it (authorities/dartford.json). */
function ruleFiles(dir = rulesDir): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? ruleFiles(full) : [path.relative(rulesDir, full)];
  });
}

/** A CPU quantity (500m, 1) in millicores. */
function millicores(value: string | number | undefined): number {
  const match = /^(\d+(?:\.\d+)?)(m?)$/.exec(String(value));
  if (!match) throw new Error(`not a CPU quantity: ${value}`);
  return Number(match[1]) * (match[2] ? 1 : 1000);
}

/** A memory quantity (256Mi, 1Gi) in bytes. */
function bytes(value: string | number | undefined): number {
  const match = /^(\d+)(Ki|Mi|Gi)$/.exec(String(value));
  if (!match) throw new Error(`not a memory quantity this test reads: ${value}`);
  return Number(match[1]) * { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30 }[match[2] as 'Ki'];
}

const selects = (selector: Record<string, string> | undefined) =>
  Object.entries(selector ?? {}).length > 0 &&
  Object.entries(selector ?? {}).every(([key, value]) => podLabels[key] === value);

describe('the Kubernetes manifests', () => {
  it('are listed in the kustomization, every one of them, and every listed file exists', () => {
    const inFolder = readdirSync(manifestDir).filter(
      (f) => f.endsWith('.yaml') && f !== 'kustomization.yaml',
    );
    expect([...kustomization.resources].sort()).toEqual(inFolder.sort());
  });

  it.each(objects.map((o) => [`${o.kind} ${o.metadata.name}`, o] as const))(
    '%s is valid against the Kubernetes API schema',
    (_name, object) => {
      const Model = models[`${object.apiVersion}/${object.kind}`];
      if (!Model) throw new Error(`no schema for ${object.apiVersion} ${object.kind}: add it to this test`);
      expect(() => new Model(object as never).validate()).not.toThrow();
    },
  );

  it('the schema check does refuse a malformed object', () => {
    const broken = structuredClone(only<IDeployment>('Deployment')) as unknown as {
      spec: { replicas: unknown };
    };
    broken.spec.replicas = 'two';
    expect(() => new Deployment(broken as never).validate()).toThrow(/replicas must be integer/);
  });
});

describe('the Deployment', () => {
  it('runs at least two replicas: the autoscaler owns the count, with a floor of two', () => {
    const hpa = only<HorizontalPodAutoscaler>('HorizontalPodAutoscaler');
    expect(hpa.spec!.scaleTargetRef).toMatchObject({ kind: 'Deployment', name: deployment.metadata!.name });
    expect(hpa.spec!.minReplicas).toBeGreaterThanOrEqual(2);
    // A replica count here would reset the autoscaler's choice on every apply.
    expect(deployment.spec!.replicas).toBeUndefined();
    expect(deployment.spec!.strategy?.rollingUpdate?.maxUnavailable).toBe(0);
  });

  it('selects its own pods', () => {
    expect(selects(deployment.spec!.selector.matchLabels)).toBe(true);
  });

  it('probes start-up and liveness on /healthz and readiness on /readyz, on the port the service listens on', () => {
    expect(String(appPort.containerPort)).toBe(env('PORT'));
    const probes = {
      startup: container.startupProbe?.httpGet,
      liveness: container.livenessProbe?.httpGet,
      readiness: container.readinessProbe?.httpGet,
    };
    expect(probes).toEqual({
      startup: { path: '/healthz', port: 'http' },
      liveness: { path: '/healthz', port: 'http' },
      readiness: { path: '/readyz', port: 'http' },
    });
  });

  it('requests and limits CPU and memory, with room above the working set of one process', () => {
    const { requests, limits } = container.resources!;
    expect(millicores(requests?.cpu)).toBeGreaterThan(0);
    expect(millicores(limits?.cpu)).toBeGreaterThanOrEqual(millicores(requests?.cpu));
    // About 200 MB resident under load, more with large batches; the sizing assumes one process per pod.
    expect(bytes(requests?.memory)).toBeGreaterThanOrEqual(200 * 2 ** 20);
    expect(bytes(limits?.memory)).toBeGreaterThanOrEqual(2 * bytes(requests?.memory));
    expect(env('WORKERS')).toBe('1');
    const heapMb = Number(/--max-old-space-size=(\d+)/.exec(env('NODE_OPTIONS') ?? '')?.[1]);
    expect(heapMb * 2 ** 20).toBeLessThan(bytes(limits?.memory));
  });

  it("runs as the image's non-root user, read-only, with no privileges and the runtime's seccomp profile", () => {
    expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: 1000 });
    expect(container.securityContext).toMatchObject({
      runAsNonRoot: true,
      runAsUser: 1000,
      readOnlyRootFilesystem: true,
      allowPrivilegeEscalation: false,
      capabilities: { drop: ['ALL'] },
      seccompProfile: { type: 'RuntimeDefault' },
    });
    expect(pod.automountServiceAccountToken).toBe(false);
  });

  it('has a writable /tmp on an emptyDir, since the root filesystem is read-only', () => {
    const mount = container.volumeMounts!.find((m) => m.mountPath === '/tmp')!;
    expect(pod.volumes!.find((v) => v.name === mount.name)?.emptyDir).toBeDefined();
    expect(mount.readOnly).not.toBe(true);
  });

  it('gives a stopping pod time to leave the endpoints and then drain', () => {
    const pause = container.lifecycle!.preStop!.exec!.command!;
    expect(pause.slice(0, 1)).toEqual(['sleep']);
    const pauseMs = Number(pause[1]) * 1000;
    expect(pauseMs).toBeGreaterThan(0);
    const drainMs = Number(env('DRAIN_TIMEOUT_MS'));
    expect(drainMs).toBeGreaterThan(0);
    expect(pod.terminationGracePeriodSeconds! * 1000).toBeGreaterThan(pauseMs + drainMs);
  });

  it('reads API keys from a mounted Secret, never from the environment', () => {
    const file = env('API_KEYS_FILE')!;
    const mount = container.volumeMounts!.find((m) => file.startsWith(`${m.mountPath}/`))!;
    const volume = pod.volumes!.find((v) => v.name === mount.name)!;
    expect(volume.secret?.items).toContainEqual({ key: 'api-keys', path: path.basename(file) });
    expect(container.env!.every((e) => e.valueFrom?.secretKeyRef === undefined)).toBe(true);
  });
});

describe('the rule packs ConfigMap', () => {
  const volume = pod.volumes!.find((v) => v.configMap?.name === packsGenerator.name)!;
  const mount = container.volumeMounts!.find((m) => m.name === volume.name)!;

  it('keeps one name, so an update reaches running pods in place instead of rolling them', () => {
    expect(packsGenerator.options?.disableNameSuffixHash).toBe(true);
  });

  it('is mounted read-only, as a whole directory, at RULES_DIR', () => {
    expect(mount.mountPath).toBe(env('RULES_DIR'));
    expect(mount.readOnly).toBe(true);
    // A subPath mount never receives ConfigMap updates, so hot reload would silently stop.
    expect(mount.subPath).toBeUndefined();
    expect(volume.configMap!.defaultMode).toBe(0o444);
  });

  it('holds every file in rules/, every authority pack among them, each at its own path under RULES_DIR', () => {
    const generated = generatedConfigMap(packsGenerator);
    const mapped = Object.fromEntries(volume.configMap!.items!.map((item) => [item.path, item.key]));
    const files = ruleFiles().sort();
    expect(Object.keys(mapped).sort()).toEqual(files);
    for (const file of files) {
      expect(generated.data[mapped[file]!]).toBe(readFileSync(path.join(rulesDir, file), 'utf8'));
    }
  });

  it("stays under Kubernetes' 1 MiB limit for one object", () => {
    const generated = generatedConfigMap(packsGenerator);
    expect(Buffer.byteLength(JSON.stringify(generated))).toBeLessThan(2 ** 20);
  });
});

describe('around the Deployment', () => {
  it('the autoscaler scales on CPU utilisation', () => {
    const hpa = only<HorizontalPodAutoscaler>('HorizontalPodAutoscaler');
    expect(hpa.apiVersion).toBe('autoscaling/v2');
    expect(hpa.spec!.metrics).toEqual([
      {
        type: 'Resource',
        resource: { name: 'cpu', target: expect.objectContaining({ type: 'Utilization' }) },
      },
    ]);
    expect(hpa.spec!.maxReplicas).toBeGreaterThan(hpa.spec!.minReplicas!);
  });

  it('the disruption budget covers the pods and lets them go one at a time', () => {
    const pdb = only<PodDisruptionBudget>('PodDisruptionBudget');
    expect(selects(pdb.spec!.selector!.matchLabels)).toBe(true);
    expect(pdb.spec!.maxUnavailable).toBe(1);
  });

  it('the Service sends traffic to the pods on the app port', () => {
    const service = only<Service>('Service');
    expect(selects(service.spec!.selector)).toBe(true);
    expect(service.spec!.ports!.map((p) => p.targetPort)).toEqual([appPort.name]);
  });

  it('the NetworkPolicy lets in only labelled sources on the app port, and lets out only DNS', () => {
    const policy = only<NetworkPolicy>('NetworkPolicy');
    expect(selects(policy.spec!.podSelector.matchLabels)).toBe(true);
    expect(policy.spec!.policyTypes).toEqual(['Ingress', 'Egress']);
    for (const rule of policy.spec!.ingress!) {
      expect(rule.from?.length).toBeGreaterThan(0);
      for (const peer of rule.from!) {
        // An empty selector would admit everything: each peer must name the access label.
        const keys = [peer.namespaceSelector, peer.podSelector].flatMap((selector) => [
          ...Object.keys(selector?.matchLabels ?? {}),
          ...(selector?.matchExpressions ?? []).map((e) => e.key),
        ]);
        expect(peer.ipBlock).toBeUndefined();
        expect(keys).toContain('sanctuary-rules/access');
      }
      expect(rule.ports!.map((p) => p.port)).toEqual([appPort.name]);
    }
    const egressPorts = policy.spec!.egress!.flatMap((rule) =>
      rule.ports!.map((p) => `${p.port}/${p.protocol}`),
    );
    expect(egressPorts.sort()).toEqual(['53/TCP', '53/UDP']);
  });

  it('the namespace enforces the restricted Pod Security Standard', () => {
    const namespace = only<Namespace>('Namespace');
    expect(namespace.metadata!.name).toBe(kustomization.namespace);
    expect(namespace.metadata!.labels!['pod-security.kubernetes.io/enforce']).toBe('restricted');
  });
});
