import { Check, Column, Entity, ForeignKey, PrimaryColumn } from 'typeorm';

@Check('sdgs_number_check', `((number >= 1) AND (number <= 17))`)
@Entity('sdgs')
export class Sdg {
  @PrimaryColumn({ type: 'smallint' })
  number: number;

  @Column({ type: 'text' })
  nameEn: string;

  @Column({ type: 'text' })
  nameSv: string;
}

@Entity('counties')
export class County {
  @PrimaryColumn({ type: 'char', length: 2 })
  code: string;

  @Column({ type: 'text' })
  name: string;
}

@ForeignKey('counties', ['countyCode'], ['code'], { name: 'municipalities_county_code_fkey' })
@Entity('municipalities')
export class Municipality {
  @PrimaryColumn({ type: 'char', length: 4 })
  code: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'char', length: 2 })
  countyCode: string;
}
