-- API keys. Only a SHA-256 hash of the secret is stored; key_id is the public name of a key.
create table api_keys (
    key_id     text        primary key,
    key_hash   bytea       not null unique,
    role       text        not null check (role in ('VIEWER', 'PARTNER', 'BI', 'ADMIN')),
    name       text        not null,
    created_at timestamptz not null default now(),
    revoked_at timestamptz
);

-- The tenants a key may read. ADMIN keys read every tenant and need no rows here.
create table api_key_tenants (
    tenant_id bigint not null references tenants,
    key_id    text   not null references api_keys,
    primary key (tenant_id, key_id)
);

create index api_key_tenants_by_key on api_key_tenants (key_id);
