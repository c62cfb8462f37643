import { NavLink } from 'react-router';

export interface Tab {
  to: string;
  label: string;
  end?: boolean;
}

/** A row of tabs that are links: the current one is marked by NavLink (aria-current). */
export function TabNav({ label, tabs }: { label: string; tabs: readonly Tab[] }) {
  return (
    <nav aria-label={label} className="tabs">
      <ul>
        {tabs.map((tab) => (
          <li key={tab.to}>
            <NavLink to={tab.to} end={tab.end ?? false}>
              {tab.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
