/** The HTTP baseline: Koa with one trivial JSON handler, nothing else. */
import Koa from 'koa';

const app = new Koa();
app.use((ctx) => {
  ctx.body = { ok: true };
});
const server = app.listen(0, '127.0.0.1', () => {
  console.log(`LISTENING http://127.0.0.1:${(server.address() as { port: number }).port}`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
