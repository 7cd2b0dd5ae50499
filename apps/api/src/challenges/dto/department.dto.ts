import { ApiProperty } from '@nestjs/swagger';
import type { Department, DepartmentMember } from '@samverka/challenges';
import { EmailField, TextField, UuidField, VersionedView } from '@samverka/platform';

export class DepartmentDto {
  @TextField({ max: 200, example: 'Skol- och fritidsförvaltningen' })
  name: string;

  @TextField({ max: 200, example: 'Helsingborgs stad' })
  organisation: string;

  @TextField({ min: 4, max: 4, example: '1283', description: 'SCB municipality code (see /api/reference/municipalities).' })
  municipalityCode: string;

  @TextField({ max: 5000, multiline: true, optional: true })
  description?: string;
}

export class AddDepartmentMemberDto {
  @EmailField({ optional: true, description: 'Invite this address as a department member of this department (give email or userId).' })
  email?: string;

  @UuidField({ optional: true, description: 'Add a person who already holds the department_member role (give email or userId).' })
  userId?: string;
}

@VersionedView()
export class DepartmentView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() organisation: string;
  @ApiProperty({ example: '1283' }) municipalityCode: string;
  @ApiProperty({ nullable: true, type: String }) description: string | null;
  @ApiProperty({ description: 'Send it back in If-Match to change the department.' }) version: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;

  static of(department: Department): DepartmentView {
    return Object.assign(new DepartmentView(), {
      ...department,
      createdAt: department.createdAt.toISOString(),
      updatedAt: department.updatedAt.toISOString(),
    });
  }
}

export class DepartmentMemberView {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ format: 'email' }) email: string;
  @ApiProperty({ format: 'date-time' }) addedAt: string;

  static of({ membership, user }: DepartmentMember): DepartmentMemberView {
    return Object.assign(new DepartmentMemberView(), {
      userId: user.id,
      displayName: user.displayName,
      email: user.email,
      addedAt: membership.addedAt.toISOString(),
    });
  }
}
