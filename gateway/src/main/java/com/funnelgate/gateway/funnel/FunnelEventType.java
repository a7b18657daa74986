package com.funnelgate.gateway.funnel;

/** The steps of a funnel a visitor can take on a call-to-action. */
public enum FunnelEventType {
    /** The CTA was shown. */
    VIEW,
    /** The visitor interacted with it (clicked, opened, started a form). */
    ENGAGE,
    /** The visitor converted (submitted the form, added to cart). */
    CONVERT,
    /** The visitor completed the funnel (purchase, booking); may carry revenue. */
    COMPLETE
}
