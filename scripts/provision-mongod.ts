/** `npm run mongod:provision`: find or provision the mongod the embedded database and tests use. */
import { locateMongod } from './mongod/locate';

locateMongod().then(
  (binary) => console.log(`mongod ${binary.version} from ${binary.source}${binary.systemBinary ? `: ${binary.systemBinary}` : ''}`),
  (err) => {
    console.error(`Could not provide a mongod: ${(err as Error).message}`);
    process.exit(1);
  },
);
