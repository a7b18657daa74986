-- Rollups of funnel_events. All hold exactly the events with ingest_xid below the watermark;
-- reports add the events at or above it from funnel_events, so they are fast and exact.
-- '' in ad_network / ad_campaign_id stands for unattributed traffic (keys cannot hold nulls).
-- visitors is a Roaring bitmap (portable 64-bit format) of the distinct visitor ids, so unique
-- visitors over any set of rows is the size of their union: exact, never a sum.

-- Buckets of tenants.bucket_minutes (UTC-aligned), so they line up with the tenant's local hours.
create table funnel_hourly (
    tenant_id      bigint         not null,
    bucket         timestamptz    not null,
    site_id        bigint         not null,
    cta_id         bigint         not null,
    ad_network     text           not null,
    ad_campaign_id text           not null,
    views          bigint         not null,
    engagements    bigint         not null,
    conversions    bigint         not null,
    completions    bigint         not null,
    revenue        numeric(20, 4) not null,
    visitors       bytea          not null,
    primary key (tenant_id, bucket, site_id, cta_id, ad_network, ad_campaign_id)
);

-- Calendar days in the tenant's time zone: what DAY, WEEK, MONTH and TOTAL reports read.
create table funnel_daily (
    tenant_id      bigint         not null,
    day            date           not null,
    site_id        bigint         not null,
    cta_id         bigint         not null,
    ad_network     text           not null,
    ad_campaign_id text           not null,
    views          bigint         not null,
    engagements    bigint         not null,
    conversions    bigint         not null,
    completions    bigint         not null,
    revenue        numeric(20, 4) not null,
    visitors       bytea          not null,
    primary key (tenant_id, day, site_id, cta_id, ad_network, ad_campaign_id)
);

-- The same days without site and call-to-action: what DAY, WEEK, MONTH and TOTAL reports read when
-- they neither group nor filter by site or call-to-action (most of them). A tenant has few campaigns
-- but many site x call-to-action x campaign combinations, so this table holds several times fewer
-- rows and visitor sets per day, and a report unions that many fewer sets.
create table funnel_campaign_daily (
    tenant_id      bigint         not null,
    day            date           not null,
    ad_network     text           not null,
    ad_campaign_id text           not null,
    views          bigint         not null,
    engagements    bigint         not null,
    conversions    bigint         not null,
    completions    bigint         not null,
    revenue        numeric(20, 4) not null,
    visitors       bytea          not null,
    primary key (tenant_id, day, ad_network, ad_campaign_id)
);

-- How far each rollup has folded in funnel_events: every event with ingest_xid < watermark is in
-- the rollup, none at or above it. Moved in the same transaction as the rollup rows it covers.
create table rollup_watermarks (
    rollup     text        primary key,
    watermark  bigint      not null,
    rolled_at  timestamptz
);

insert into rollup_watermarks (rollup, watermark) values ('funnel', 0);
