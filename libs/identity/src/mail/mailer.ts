import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '@samverka/platform';
import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer, { type Transporter } from 'nodemailer';

export interface MailMessage {
  /** Names the message (Message-ID, file name), so sending one twice is recognisably one. */
  id?: string;
  to: string;
  subject: string;
  text: string;
}

/**
 * The mail port: SMTP when SMTP_URL is set, otherwise each message is written as an .eml
 * file under DATA_DIR/mail, where a developer (or a test) can open it.
 */
@Injectable()
export class Mailer {
  private readonly logger = new Logger('Mailer');
  private readonly transport: Transporter;
  private readonly mailDir: string;

  constructor(private readonly config: AppConfig) {
    this.mailDir = join(config.dataDir, 'mail');
    this.transport = config.SMTP_URL
      ? nodemailer.createTransport(config.SMTP_URL)
      : nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  }

  async send(message: MailMessage): Promise<void> {
    const id = message.id ?? randomUUID();
    const info = await this.transport.sendMail({ from: this.config.MAIL_FROM, to: message.to, subject: message.subject, text: message.text, messageId: `<${id}@samverka>` });
    if (!this.config.SMTP_URL) {
      await mkdir(this.mailDir, { recursive: true });
      const file = join(this.mailDir, `${id}.eml`);
      await writeFile(file, info.message as Buffer);
      this.logger.log({ file }, 'mail written to file');
    }
  }
}
