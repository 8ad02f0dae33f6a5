/**
 * Someone working in Azure DevOps, through the simulator's control API (`/__sim/act-as`): their
 * edits fire service hooks as edits in Azure DevOps's own UI do.
 */
export class AzureDevOpsUser {
  readonly simulatorUrl: string;
  readonly user: string;

  constructor(simulatorUrl: string, user = 'jordan.developer@tandem-demo.example') {
    this.simulatorUrl = simulatorUrl;
    this.user = user;
  }

  private async control(path: string, body: unknown): Promise<unknown> {
    const res = await fetch(`${this.simulatorUrl}/__sim/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${path} answered ${res.status}: ${await res.text()}`);
    return res.json();
  }

  async changeState(workItemId: number, state: string): Promise<void> {
    await this.control('act-as', {
      user: this.user,
      action: 'update',
      id: workItemId,
      fields: { 'System.State': state },
    });
  }

  async flushServiceHooks(): Promise<void> {
    await this.control('webhooks/flush', {});
  }

  /** The tokens the simulator knows, by user (`users[i].token`). */
  async tokens(): Promise<{ full: string; readOnly: string }> {
    const res = await fetch(`${this.simulatorUrl}/__sim/`);
    const body = (await res.json()) as { users: { token: string; scope: string }[] };
    return {
      full: body.users[0]!.token,
      readOnly: body.users.find((u) => u.scope === 'read')!.token,
    };
  }
}
