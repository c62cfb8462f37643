// Analytics — the dashboards of care, ideas and ambassadors: English texts, spread into the
// `analytics` catalogue (tabs, figure, chart, label, column, note). Definitions follow
// docs/analytics.md ("Customer care", "Ideas", "Ambassadors").
export const domainsEn = {
  tabs: {
    care: 'Customer care',
    ideas: 'Ideas',
    ambassadors: 'Ambassadors',
  },
  figure: {
    conversations_opened: {
      label: 'Conversations opened',
      definition: 'Customer conversations opened in the period, on every channel.',
    },
    customer_messages: {
      label: 'Customer messages',
      definition: 'Messages customers wrote in the period (replies and notes are not counted).',
    },
    median_first_response_minutes: {
      label: 'Time to first response',
      definition:
        'Over the conversations opened in the period and answered since: the median number of minutes from the opening to the first reply.',
    },
    median_resolution_hours: {
      label: 'Time to resolution',
      definition:
        'Over the conversations opened in the period and resolved since: the median number of hours from the opening to the resolution.',
    },
    first_response_breaches: {
      label: 'First-response targets missed',
      definition:
        'Conversations opened in the period whose first reply came after the SLA target (or has not come and the target has passed).',
    },
    resolution_breaches: {
      label: 'Resolution targets missed',
      definition: 'Conversations opened in the period that were not resolved within their SLA target.',
    },
    mean_sentiment: {
      label: 'Mean sentiment',
      definition:
        'The mean score of the customer messages of the period, from −1 (very negative) to 1 (very positive); messages without a score are left out.',
    },
    negative_share: {
      label: 'Negative messages',
      definition: 'Share of the scored customer messages of the period whose score is −0.3 or less.',
    },
    ideas_submitted: {
      label: 'Ideas submitted',
      definition: 'Ideas proposed to the campaigns in the period, duplicates merged into another left out.',
    },
    ideas_shipped: {
      label: 'Ideas shipped',
      definition: 'Ideas that reached the “shipped” status in the period (the first time they did).',
    },
    idea_conversion: {
      label: 'Conversion',
      definition:
        'Of the ideas submitted in the period, the share that is shipped now. Recent periods had less time to ship.',
    },
    median_hours_to_decision: {
      label: 'Time to decision',
      definition:
        'Over the ideas decided in the period (shipped or declined the first time): the median number of hours from submission to decision.',
    },
    idea_votes: {
      label: 'Votes',
      definition: 'Votes given to ideas in the period and not withdrawn since.',
    },
    idea_contributors: {
      label: 'Contributors',
      definition: 'Different people who submitted at least one idea in the period, guests included.',
    },
    guest_contributors: {
      label: 'Guest contributors',
      definition: 'Of those contributors, the guests of external spaces (customers, partners).',
    },
    ambassadors: {
      label: 'Ambassadors',
      definition: 'People in the ambassador programme at the end of the period.',
    },
    active_ambassadors: {
      label: 'Active ambassadors',
      definition: 'Different people who shared at least one kit in the period.',
    },
    ambassador_shares: {
      label: 'Shares',
      definition: 'Kits shared by ambassadors in the period, on every network.',
    },
    ambassador_clicks: {
      label: 'Clicks',
      definition: 'Clicks in the period on the ambassadors’ tracked links, whenever the link was shared.',
    },
    clicks_per_share: {
      label: 'Clicks per share',
      definition: 'Clicks of the period divided by shares of the period.',
    },
  },
  chart: {
    care_by_week: 'Conversations and missed targets per week',
    sentiment_by_week: 'Mean sentiment per week',
    conversations_by_channel: 'Conversations per channel',
    first_response_by_channel: 'Time to first response per channel',
    ideas_by_week: 'Ideas submitted and shipped per week',
    ideas_by_status: 'Ideas of the period by status',
    idea_contributors_by_kind: 'Contributors: employees and guests',
    ideas_by_space: 'Ideas per space',
    ambassador_activity_by_week: 'Shares and clicks per week',
    shares_by_network: 'Shares per network',
    clicks_by_network: 'Clicks per network',
    top_kits: 'Kits that travel best',
    ambassadors_by_department: 'People who shared, by department',
  },
  label: {
    idea_status_new: 'New',
    idea_status_under_review: 'Under review',
    idea_status_planned: 'Planned',
    idea_status_in_progress: 'In progress',
    idea_status_shipped: 'Shipped',
    idea_status_declined: 'Declined',
    internal: 'Employees',
    guests: 'Guests',
    network_linkedin: 'LinkedIn',
    network_x: 'X',
    network_facebook: 'Facebook',
    network_bluesky: 'Bluesky',
    network_generic: 'Copied text',
  },
  column: {
    kit: 'Kit',
    ambassador_shares: 'Shares',
    ambassador_clicks: 'Clicks',
  },
  note: {
    care_period_only:
      'Customer care is counted for the whole organisation: only the period applies, not the department, site, space or cohort filters.',
    ambassadors_no_spaces: 'Shares belong to no space: the space filters do not apply here.',
  },
};
