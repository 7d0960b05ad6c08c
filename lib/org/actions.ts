"use server";

import { defineAction, defineActionOutsideUnit } from "@/lib/action/define";
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

export const createUserAction = defineAction(createUserInput, (input, work) => createUser(work, input), {
  revalidate: () => [USERS],
});

export const updateUserAction = defineAction(updateUserInput, (input, work) => updateUser(work, input), {
  revalidate: (input) => [USERS, `${USERS}/${input.id}`, DEPARTMENTS],
});

export const createDepartmentAction = defineAction(departmentInput, (input, work) => createDepartment(work, input), {
  revalidate: () => [DEPARTMENTS],
});

export const renameDepartmentAction = defineAction(renameDepartmentInput, (input, work) => renameDepartment(work, input), {
  revalidate: () => [DEPARTMENTS, USERS],
});

export const deleteDepartmentAction = defineAction(idInput, (input, work) => deleteDepartment(work, input), {
  revalidate: () => [DEPARTMENTS, USERS],
});

export const createTeamAction = defineAction(teamInput, (input, work) => createTeam(work, input), {
  revalidate: () => [DEPARTMENTS],
});

export const renameTeamAction = defineAction(renameTeamInput, (input, work) => renameTeam(work, input), {
  revalidate: () => [DEPARTMENTS, USERS],
});

export const deleteTeamAction = defineAction(idInput, (input, work) => deleteTeam(work, input), {
  revalidate: () => [DEPARTMENTS, USERS],
});

export const updateProfileAction = defineAction(profileInput, (input, work) => updateOwnProfile(work, input), {
  revalidate: () => ["/settings/profile"],
});

export const changePasswordAction = defineAction(changePasswordInput, (input, work) => changeOwnPassword(work, input));

// The code goes through the same SMS provider as notifications (the development mailbox on a laptop).
// Outside a unit: the code is stored in one, and the SMS sent after it has committed.
export const sendPhoneCodeAction = defineActionOutsideUnit(sendPhoneCodeInput, (_input, { viewer, db }) =>
  sendPhoneCode(db, viewer, configuredProviders(db).sms),
);

export const verifyPhoneAction = defineAction(verifyPhoneInput, (input, work) => verifyPhone(work, input), {
  revalidate: () => ["/settings/profile"],
});
