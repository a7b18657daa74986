package com.funnelgate.gateway.report;

import com.funnelgate.adconnectors.AdSpendRow;
import com.funnelgate.gateway.adspend.TenantAdAccount;
import java.util.List;

/**
 * What one ad account gave a report: its rows, or null when it was not asked or failed.
 */
record AccountSpend(TenantAdAccount account, List<AdSpendRow> rows) {

    boolean answered() {
        return rows != null;
    }
}
