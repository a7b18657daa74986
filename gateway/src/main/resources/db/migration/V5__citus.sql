-- When the citus extension is present, distribute tenant tables by tenant_id (co-located, so
-- joins and rollups stay on one worker) and make the small shared tables reference tables.
-- On plain PostgreSQL this does nothing.
do $$
begin
    if exists (select 1 from pg_extension where extname = 'citus') then
        perform create_distributed_table('tenants', 'tenant_id');
        perform create_distributed_table('sites', 'tenant_id', colocate_with => 'tenants');
        perform create_distributed_table('ctas', 'tenant_id', colocate_with => 'tenants');
        perform create_distributed_table('funnel_events', 'tenant_id', colocate_with => 'tenants');
        perform create_distributed_table('funnel_hourly', 'tenant_id', colocate_with => 'tenants');
        perform create_distributed_table('funnel_daily', 'tenant_id', colocate_with => 'tenants');
        perform create_distributed_table('funnel_campaign_daily', 'tenant_id', colocate_with => 'tenants');
        perform create_reference_table('api_keys');
        perform create_distributed_table('api_key_tenants', 'tenant_id', colocate_with => 'tenants');
        perform create_reference_table('rollup_watermarks');
    end if;
end
$$;
