"use server";

import { defineAction } from "@/lib/action/define";
import { createUser, updateUser } from "./commands";
import { configuredProviders } from "@/lib/notify/runtime";
import { sendPhoneCode, verifyPhone } from "./phone-verification";
import { changeOwnPassword, updateOwnProfile } from "./profile-commands";
import {
  changePasswordInput,
  createUserInput,
  departmentInput,
  idInput,
  profileInput,
  renameDepartmentInput,
  renameTeamInput,
  sendPhoneCodeInput,
  teamInput,
  updateUserInput,
  verifyPhoneInput,
} from "./schema";
import { createDepartment, createTeam, deleteDepartment, deleteTeam, renameDepartment, renameTeam } from "./structure-commands";

const USERS = "/admin/users";
const DEPARTMENTS = "/admin/departments";

export const createUserAction = defineAction(createUserInput, (input, { viewer, db }) => createUser(db, viewer, input), {
  revalidate: () => [USERS],
});

export const updateUserAction = defineAction(updateUserInput, (input, { viewer, db }) => updateUser(db, viewer, input), {
  revalidate: (input) => [USERS, `${USERS}/${input.id}`, DEPARTMENTS],
});

export const createDepartmentAction = defineAction(departmentInput, (input, { viewer, db }) => createDepartment(db, viewer, input), {
  revalidate: () => [DEPARTMENTS],
});

export const renameDepartmentAction = defineAction(renameDepartmentInput, (input, { viewer, db }) => renameDepartment(db, viewer, input), {
  revalidate: () => [DEPARTMENTS, USERS],
});

export const deleteDepartmentAction = defineAction(idInput, (input, { viewer, db }) => deleteDepartment(db, viewer, input), {
  revalidate: () => [DEPARTMENTS, USERS],
});

export const createTeamAction = defineAction(teamInput, (input, { viewer, db }) => createTeam(db, viewer, input), {
  revalidate: () => [DEPARTMENTS],
});

export const renameTeamAction = defineAction(renameTeamInput, (input, { viewer, db }) => renameTeam(db, viewer, input), {
  revalidate: () => [DEPARTMENTS, USERS],
});

export const deleteTeamAction = defineAction(idInput, (input, { viewer, db }) => deleteTeam(db, viewer, input), {
  revalidate: () => [DEPARTMENTS, USERS],
});

export const updateProfileAction = defineAction(profileInput, (input, { viewer, db }) => updateOwnProfile(db, viewer, input), {
  revalidate: () => ["/settings/profile"],
});

export const changePasswordAction = defineAction(changePasswordInput, (input, { viewer, db }) => changeOwnPassword(db, viewer, input));

// The code goes through the same SMS provider as notifications (the development mailbox on a laptop).
export const sendPhoneCodeAction = defineAction(sendPhoneCodeInput, (_input, { viewer, db }) => sendPhoneCode(db, viewer, configuredProviders(db).sms));

export const verifyPhoneAction = defineAction(verifyPhoneInput, ({ code }, { viewer, db }) => verifyPhone(db, viewer, code), {
  revalidate: () => ["/settings/profile"],
});
