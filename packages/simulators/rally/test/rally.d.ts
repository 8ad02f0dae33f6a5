// Minimal types for the official `rally` npm client (it ships none).
declare module 'rally' {
  interface Scope {
    workspace?: string;
    project?: string | null;
    up?: boolean;
    down?: boolean;
  }
  interface Options {
    server?: string;
    apiVersion?: string;
    apiKey?: string;
    user?: string;
    pass?: string;
    requestOptions?: Record<string, unknown>;
  }
  type Obj = Record<string, any>;
  interface QueryNode {
    and(left: string | QueryNode, op?: string, right?: unknown): QueryNode;
    or(left: string | QueryNode, op?: string, right?: unknown): QueryNode;
    toQueryString(): string;
  }
  interface RestApi {
    create(o: {
      type: string;
      data: Obj;
      fetch?: string | string[];
      scope?: Scope;
      requestOptions?: Obj;
    }): Promise<Obj>;
    update(o: {
      ref: string | Obj;
      data: Obj;
      fetch?: string | string[];
      scope?: Scope;
      requestOptions?: Obj;
    }): Promise<Obj>;
    del(o: { ref: string | Obj; scope?: Scope; requestOptions?: Obj }): Promise<Obj>;
    get(o: {
      ref: string | Obj;
      fetch?: string | string[];
      scope?: Scope;
    }): Promise<{ Errors: string[]; Warnings: string[]; Object: Obj }>;
    query(o: {
      type?: string;
      ref?: string | Obj;
      start?: number;
      pageSize?: number;
      limit?: number;
      order?: string | string[];
      fetch?: string | string[];
      query?: string | QueryNode;
      scope?: Scope;
      requestOptions?: Obj;
    }): Promise<Obj>;
    add(o: {
      ref: string | Obj;
      collection: string;
      data: Obj[];
      fetch?: string | string[];
      scope?: Scope;
    }): Promise<Obj>;
    remove(o: {
      ref: string | Obj;
      collection: string;
      data: Obj[];
      fetch?: string | string[];
      scope?: Scope;
    }): Promise<Obj>;
  }
  interface Rally {
    (options?: Options): RestApi;
    util: {
      query: { where(left: string, op: string, right: unknown): QueryNode };
      ref: {
        getRelative(r: unknown): string | null;
        getId(r: unknown): string | null;
        getType(r: unknown): string | null;
      };
    };
  }
  const rally: Rally;
  export default rally;
}
