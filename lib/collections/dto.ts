export interface CollectionDto {
  id: string;
  name: string;
  itemCount: number;
  createdAt: string;
  createdById: string;
}

export interface CollectionWithMembership extends CollectionDto {
  /** Whether the generation asked about is in this collection. */
  contains: boolean;
}
