import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hasCommand } from './processes';
import { StackError } from './stack-error';

const POM = join(__dirname, '..', 'kafka', 'pom.xml');

export function kafkaVersion(): string {
  const m = /<kafka\.version>([^<]+)<\/kafka\.version>/.exec(readFileSync(POM, 'utf8'));
  if (!m?.[1]) throw new Error(`no kafka.version in ${POM}`);
  return m[1];
}

/** The folder holding the broker's classpath; fetched from Maven Central on first use. */
export async function ensureKafkaJars(
  cacheDir: string,
  logFile: string,
  say: (line: string) => void,
): Promise<string> {
  const dir = join(cacheDir, `kafka-${kafkaVersion()}`);
  const marker = join(dir, '.complete');
  if (existsSync(marker)) return dir;
  if (!hasCommand('java')) {
    throw new StackError(
      'JAVA_MISSING',
      'kafka',
      'Java is not installed',
      'install Java 17+: apt-get install -y openjdk-17-jre-headless',
    );
  }
  if (!hasCommand('mvn')) {
    throw new StackError(
      'MAVEN_MISSING',
      'kafka',
      'Maven is not installed (it fetches the Kafka jars)',
      'apt-get install -y maven',
    );
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  say(
    `kafka: fetching Kafka ${kafkaVersion()} and its dependencies from Maven Central into ${dir} (first run only, ~45 MB)`,
  );
  const downloaded = await runMaven(
    ['-B', '-f', POM, 'dependency:copy-dependencies', `-DoutputDirectory=${dir}`, '-DincludeScope=runtime'],
    logFile,
    say,
  );
  const jars = readdirSync(dir).filter((f) => f.endsWith('.jar'));
  if (!jars.some((j) => j.startsWith('kafka_2.13-'))) {
    throw new StackError(
      'MAVEN_FETCH_FAILED',
      'kafka',
      'the Kafka jars were not fetched',
      'check that Maven Central is reachable (mvn -v; ~/.m2/settings.xml proxies)',
      logFile,
    );
  }
  writeFileSync(marker, `${new Date().toISOString()} ${jars.length} jars\n`);
  say(`kafka: ${jars.length} jars ready (${downloaded} downloaded, the rest from ~/.m2)`);
  return dir;
}

function runMaven(args: string[], logFile: string, say: (line: string) => void): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn('mvn', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let downloaded = 0;
    let output = '';
    const ticker = setInterval(() => say(`kafka: … ${downloaded} artifacts downloaded so far`), 5000);
    const onData = (chunk: Buffer): void => {
      const text = chunk.toString();
      output += text;
      downloaded += (text.match(/Downloaded from/g) ?? []).length;
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', (err) => {
      clearInterval(ticker);
      reject(err);
    });
    child.on('close', (code) => {
      clearInterval(ticker);
      writeFileSync(logFile, output, { flag: 'a' });
      if (code === 0) resolve(downloaded);
      else {
        reject(
          new StackError(
            'MAVEN_FETCH_FAILED',
            'kafka',
            `Maven exited with ${code ?? 'a signal'} while fetching the Kafka jars`,
            'check that Maven Central is reachable; the Maven output is in the log',
            logFile,
          ),
        );
      }
    });
  });
}
