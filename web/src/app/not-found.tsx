import { TopBar } from './components/top-bar';

export default function NotFound() {
  return (
    <>
      <TopBar />
      <main id="main">
        <div className="card">
          <h1>Page not found</h1>
          <p>There is no site or page at this address. Check the spelling of the address, or create your own site.</p>
        </div>
      </main>
    </>
  );
}
