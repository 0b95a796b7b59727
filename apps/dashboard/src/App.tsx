import { SystemHealthPanel } from './health/SystemHealthPanel';

/** Until the wall, duty and analysis views land, the start page shows the system's live health. */
export function App() {
  return (
    <main className="app">
      <header className="app__header">
        <h1>枫桥 · 巴中市综治中心</h1>
        <p>Fengqiao — risk warning and video monitoring command dashboard</p>
      </header>
      <SystemHealthPanel />
    </main>
  );
}
